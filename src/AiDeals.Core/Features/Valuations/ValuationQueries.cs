using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using AiDeals.Core.Features.Deals;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Valuations;

/// <summary>Valuations of every organization; sorting and paging run in SQL.</summary>
public sealed class ValuationQueries(IDbContextFactory<AiDealsDbContext> contextFactory)
{
    public async Task<PagedResult<ValuationSummary>> ListAsync(ValuationQuery query, PageRequest page, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var valuations = db.Valuations.AsNoTracking();
        var total = await valuations.CountAsync(cancellationToken);
        var items = await Sort(valuations, query)
            .Skip(page.Skip)
            .Take(page.Take)
            .ProjectToSummaries()
            .ToListAsync(cancellationToken);
        return new PagedResult<ValuationSummary>(items, total);
    }

    /// <summary>The valuation's editable values with its id and version; null when there is none.</summary>
    public async Task<ValuationForm?> GetFormAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var valuation = await db.Valuations.AsNoTracking().SingleOrDefaultAsync(v => v.Id == id, cancellationToken);
        return valuation is null ? null : ValuationForms.Of(valuation);
    }

    /// <summary>The live deals a valuation of the organization can come from: those into it and those it takes part in.</summary>
    public async Task<IReadOnlyList<DealRef>> DealChoicesAsync(int organizationId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Deals.AsNoTracking()
            .Where(d => d.TargetId == organizationId || d.Participants.Any(p => p.OrganizationId == organizationId))
            .OrderByDescending(d => d.AnnouncedOn)
            .ThenBy(d => d.Title)
            .Select(d => new DealRef(d.Id, d.Title))
            .ToListAsync(cancellationToken);
    }

    private static IOrderedQueryable<Valuation> Sort(IQueryable<Valuation> valuations, ValuationQuery query)
    {
        var ordered = (query.Sort, query.Descending) switch
        {
            (ValuationSortField.Organization, false) => valuations.OrderBy(v => v.Organization!.Name).ThenByDescending(v => v.AsOf),
            (ValuationSortField.Organization, true) => valuations.OrderByDescending(v => v.Organization!.Name).ThenByDescending(v => v.AsOf),
            (ValuationSortField.Amount, false) => valuations.OrderBy(v => v.Amount),
            (ValuationSortField.Amount, true) => valuations.OrderByDescending(v => v.Amount),
            (ValuationSortField.Kind, false) => valuations.OrderBy(v => v.Kind).ThenByDescending(v => v.AsOf),
            (ValuationSortField.Kind, true) => valuations.OrderByDescending(v => v.Kind).ThenByDescending(v => v.AsOf),
            (_, false) => valuations.OrderBy(v => v.AsOf),
            _ => valuations.OrderByDescending(v => v.AsOf),
        };

        // A stable tie-break keeps paging deterministic.
        return ordered.ThenBy(v => v.Id);
    }
}

internal static class ValuationProjections
{
    /// <summary>
    /// Reads valuations as summaries. The dates and the deal link are built from the selected columns, so the SQL
    /// reads only what the summary shows; a soft-deleted deal leaves no link.
    /// </summary>
    public static IQueryable<ValuationSummary> ProjectToSummaries(this IQueryable<Valuation> valuations) =>
        valuations.Select(v => new ValuationSummary(
            v.Id,
            new OrganizationRef(v.Organization!.Name, v.Organization.Slug),
            PartialDate.Create(v.AsOf, v.AsOfPrecision),
            v.Amount,
            v.Kind,
            v.Deal == null ? null : new DealRef(v.Deal.Id, v.Deal.Title)));
}
