using AiDeals.Core.Data;
using AiDeals.Core.Features.Dashboard;
using AiDeals.Core.Features.Deals;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.History;

/// <summary>The deal list after its filters, as of a past day: its page of rows and their count, read together.</summary>
public sealed record PastDeals(DealPage Page, DealCount Count);

/// <summary>
/// The dashboard and the deal list as they stood at the end of a past day: today's own queries, read on the database
/// rewound to that day (<see cref="PastDatabase"/>), so every figure, filter, sort and search means what it means today.
/// </summary>
public sealed class PastQueries(IDbContextFactory<AiDealsDbContext> contextFactory)
{
    public async Task<DashboardView> DashboardAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        await using var past = await PastDatabase.OpenAsync(contextFactory, DealAsOfQueries.EndOf(day), cancellationToken);
        var summary = await new DashboardQueries(past).GetSummaryAsync(cancellationToken);
        var changes = await new RecentChangesQueries(past, new HistoryQueries(past)).ListAsync(DashboardSnapshots.FeedLength, cancellationToken);
        var rates = new Rates.RateQueries(past);
        return DashboardView.Of(summary, changes, await rates.UnconvertedCountAsync(cancellationToken), await rates.UnconvertedCommitmentCountAsync(cancellationToken));
    }

    public async Task<PastDeals> DealsAsync(DateOnly day, DealFilter filter, DealPageRequest page, CancellationToken cancellationToken = default)
    {
        await using var past = await PastDatabase.OpenAsync(contextFactory, DealAsOfQueries.EndOf(day), cancellationToken);
        var deals = new DealQueries(past);
        return new PastDeals(await deals.SearchAsync(filter, page, cancellationToken), await deals.CountAsync(filter, cancellationToken));
    }
}
