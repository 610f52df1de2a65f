using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.MarketEvents;

/// <summary>Market events such as a market-cap drop; sorting and paging run in SQL.</summary>
public sealed class MarketEventQueries(IDbContextFactory<AiDealsDbContext> contextFactory)
{
    public async Task<PagedResult<MarketEventSummary>> ListAsync(MarketEventQuery query, PageRequest page, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var events = db.MarketEvents.AsNoTracking();
        var total = await events.CountAsync(cancellationToken);
        var items = await Sort(events, query)
            .Skip(page.Skip)
            .Take(page.Take)
            .ProjectToSummaries()
            .ToListAsync(cancellationToken);
        return new PagedResult<MarketEventSummary>(items, total);
    }

    /// <summary>The event's editable values with its id and version; null when there is none.</summary>
    public async Task<MarketEventForm?> GetFormAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var marketEvent = await db.MarketEvents.AsNoTracking()
            .Include(e => e.Organizations)
            .SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        return marketEvent is null ? null : MarketEventForms.Of(marketEvent);
    }

    private static IOrderedQueryable<MarketEvent> Sort(IQueryable<MarketEvent> events, MarketEventQuery query)
    {
        var ordered = (query.Sort, query.Descending) switch
        {
            (MarketEventSortField.Title, false) => events.OrderBy(e => e.Title),
            (MarketEventSortField.Title, true) => events.OrderByDescending(e => e.Title),
            // Events without a figure go last either way: they are not smaller or larger than a loss.
            (MarketEventSortField.Amount, false) => events.OrderBy(e => e.Amount == null).ThenBy(e => e.Amount),
            (MarketEventSortField.Amount, true) => events.OrderBy(e => e.Amount == null).ThenByDescending(e => e.Amount),
            (_, false) => events.OrderBy(e => e.OccurredOn),
            _ => events.OrderByDescending(e => e.OccurredOn),
        };

        // A stable tie-break keeps paging deterministic.
        return ordered.ThenBy(e => e.Id);
    }
}

/// <summary>Event reads that the valuations share with the event list.</summary>
internal static class MarketEventProjections
{
    /// <summary>Reads events as summaries; the organizations come in one correlated query, by name.</summary>
    public static IQueryable<MarketEventSummary> ProjectToSummaries(this IQueryable<MarketEvent> events) =>
        events.Select(e => new MarketEventSummary(
            e.Id,
            PartialDate.Create(e.OccurredOn, e.OccurredPrecision),
            e.Title,
            e.Description,
            e.Amount,
            e.Organizations
                .Where(o => o.Organization!.DeletedAt == null)
                .OrderBy(o => o.Organization!.Name)
                .Select(o => new OrganizationRef(o.Organization!.Name, o.Organization.Slug))
                .ToList()));
}
