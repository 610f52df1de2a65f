using System.Globalization;
using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Dashboard;

/// <summary>
/// The dashboard's figures, read from the aggregates the database keeps in the transaction of every write
/// (<see cref="Data.Aggregates.AggregateSql"/>) and from two indexes (the largest amount, the latest valuation), so a
/// request costs the same at six deals and at a million. Money totals count leaf deals only (live deals with no live
/// part), so an umbrella and the deals under it are never both counted.
/// </summary>
public sealed class DashboardQueries(IDbContextFactory<AiDealsDbContext> contextFactory)
{
    /// <summary>How many investors the capital chart shows: more bars than this no longer fit a phone.</summary>
    public const int TopInvestors = 8;

    /// <summary>How many months the activity chart spans, ending at the latest dated month.</summary>
    public const int TimelineMonths = 12;

    public async Task<DashboardSummary> GetSummaryAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        // A few dozen rows kept by the database's triggers (AggregateSql): no request reads every deal.
        var counts = await db.DashboardCounts.AsNoTracking().ToDictionaryAsync(c => c.Key, cancellationToken);
        long Count(string key) => counts.TryGetValue(key, out var count) ? count.Count : 0;

        var dealCount = (int)Count("deals");
        var leaves = counts.GetValueOrDefault("leaves");
        var capital = leaves is null || leaves.Count == 0
            ? new CapitalTotal(0, 0, false, 0, 0)
            : new CapitalTotal(
                AmountRange.Total(leaves.Low),
                AmountRange.Total(leaves.High),
                Count("leaves:" + nameof(AmountQualifier.AtLeast)) > 0,
                (int)leaves.Count,
                (int)Count("leaves:" + nameof(AmountQualifier.Undisclosed)));

        // Statuses in their place in a deal's life; kinds most frequent first.
        var byStatus = Enum.GetValues<DealStatus>()
            .Select(status => new StatusCount(status, (int)Count("status:" + status)))
            .Where(s => s.Count > 0)
            .ToList();
        var byKind = Enum.GetValues<DealKind>()
            .Select(kind => new KindCount(kind, (int)Count("kind:" + kind)))
            .Where(k => k.Count > 0)
            .OrderByDescending(k => k.Count)
            .ThenBy(k => k.Kind)
            .ToList();

        return new DashboardSummary(
            dealCount,
            capital,
            byStatus,
            byKind,
            await LargestLeafDealAsync(db.Deals.AsNoTracking().Where(d => !d.Children.Any()), cancellationToken),
            await LatestValuationAsync(db, cancellationToken),
            (int)Count("investors"),
            await CapitalByInvestorAsync(db, cancellationToken),
            await ActivityAsync(db, dealCount, (int)Count("events"), cancellationToken));
    }

    private static async Task<LargestDeal?> LargestLeafDealAsync(IQueryable<Deal> leaves, CancellationToken cancellationToken)
    {
        var row = await leaves
            .Where(d => d.AmountHigh != null || d.AmountLow != null)
            .OrderByDescending(d => d.AmountHigh ?? d.AmountLow)
            .ThenBy(d => d.Id)
            .Select(d => new
            {
                d.Id,
                d.Title,
                d.AmountLow,
                d.AmountHigh,
                d.AmountQualifier,
                Target = d.Target == null ? null : new OrganizationRef(d.Target.Name, d.Target.Slug),
            })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null
            ? null
            : new LargestDeal(row.Id, row.Title, AmountRange.Create(row.AmountLow, row.AmountHigh, row.AmountQualifier), row.Target);
    }

    private static async Task<LatestValuation?> LatestValuationAsync(AiDealsDbContext db, CancellationToken cancellationToken)
    {
        var row = await db.Valuations.AsNoTracking()
            .OrderByDescending(v => v.AsOf)
            .ThenByDescending(v => v.Id)
            .Select(v => new
            {
                Organization = new OrganizationRef(v.Organization!.Name, v.Organization.Slug),
                v.Amount,
                v.AsOf,
                v.AsOfPrecision,
                v.Kind,
            })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null
            ? null
            : new LatestValuation(row.Organization, row.Amount, PartialDate.Create(row.AsOf, row.AsOfPrecision), row.Kind);
    }

    private static async Task<IReadOnlyList<InvestorCapital>> CapitalByInvestorAsync(AiDealsDbContext db, CancellationToken cancellationToken)
    {
        // Commitments of leaf deals only, kept per organization: the umbrella's own "more than $40B" is already its parts'.
        // Read down the LeafHigh index; the organizations' filter leaves deleted ones out.
        var rows = await db.OrganizationTotals.AsNoTracking()
            .Where(t => t.LeafHigh > 0)
            .Join(db.Organizations.AsNoTracking(), t => t.OrganizationId, o => o.Id, (t, o) => new { t.LeafLow, t.LeafHigh, t.LeafDeals, o.Name, o.Slug })
            .OrderByDescending(r => r.LeafHigh)
            .ThenBy(r => r.Name)
            .Take(TopInvestors)
            .ToListAsync(cancellationToken);
        return rows.Select(r => new InvestorCapital(new OrganizationRef(r.Name, r.Slug), AmountRange.Total(r.LeafLow), AmountRange.Total(r.LeafHigh), r.LeafDeals)).ToList();
    }

    private static async Task<ActivityTimeline> ActivityAsync(AiDealsDbContext db, int dealCount, int eventCount, CancellationToken cancellationToken)
    {
        // Kept per month ("2025-01") by the triggers, counting only dates known to the day or the month.
        var months = await db.ActivityMonths.AsNoTracking()
            .Where(m => m.Deals > 0 || m.Events > 0)
            .ToListAsync(cancellationToken);
        if (months.Count == 0)
        {
            return new ActivityTimeline([], dealCount, eventCount);
        }

        var byMonth = months.ToDictionary(m => DateOnly.ParseExact(m.Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture));
        var last = byMonth.Keys.Max();
        var timeline = Enumerable.Range(0, TimelineMonths)
            .Select(i => last.AddMonths(i - (TimelineMonths - 1)))
            .Select(month => byMonth.TryGetValue(month, out var m) ? new MonthActivity(month, m.Deals, m.Events) : new MonthActivity(month, 0, 0))
            .ToList();
        return new ActivityTimeline(timeline, dealCount, eventCount);
    }
}
