using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Dashboard;

/// <summary>
/// Capital over leaf deals only (deals that are no umbrella), so an umbrella and the deals under it are never both counted.
/// </summary>
public sealed record CapitalTotal(long Low, long High, bool OpenEnded, int LeafDeals, int UndisclosedDeals)
{
    /// <summary>"$146B–$556B", "$16B", or "more than $40B" when a leaf has no upper bound.</summary>
    public override string ToString() =>
        OpenEnded ? "more than " + AmountRange.Format(Low)
        : Low == High ? AmountRange.Format(Low)
        : AmountRange.Format(Low) + "–" + AmountRange.Format(High);
}

public sealed record DashboardSummary(int DealCount, CapitalTotal Capital);

public sealed class DashboardService(IDbContextFactory<AiDealsDbContext> contextFactory)
{
    public async Task<DashboardSummary> GetSummaryAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var dealCount = await db.Deals.CountAsync(cancellationToken);
        var leaves = db.Deals.AsNoTracking().Where(d => !d.Children.Any());
        var capital = await leaves
            .GroupBy(_ => 1)
            .Select(g => new CapitalTotal(
                g.Sum(d => d.AmountLow ?? 0),
                g.Sum(d => d.AmountHigh ?? d.AmountLow ?? 0),
                g.Any(d => d.AmountQualifier == AmountQualifier.AtLeast),
                g.Count(),
                g.Count(d => d.AmountQualifier == AmountQualifier.Undisclosed)))
            .SingleOrDefaultAsync(cancellationToken);
        return new DashboardSummary(dealCount, capital ?? new CapitalTotal(0, 0, false, 0, 0));
    }
}
