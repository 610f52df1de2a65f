using System.Linq.Expressions;
using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Deals;

/// <summary>Queries over deals; filtering, sorting, counting and paging all run in SQL.</summary>
public sealed partial class DealService(IDbContextFactory<AiDealsDbContext> contextFactory)
{
    public async Task<PagedResult<DealSummary>> SearchAsync(DealFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = Filter(db.Deals.AsNoTracking(), filter);
        var total = await query.CountAsync(cancellationToken);

        var rows = await Sort(query, filter)
            .Skip(page.Skip)
            .Take(page.Take)
            .Select(d => new
            {
                d.Id,
                d.Title,
                Target = d.Target == null ? null : new OrganizationRef(d.Target.Name, d.Target.Slug),
                // Roles are stored by name: rank them so the lead comes first rather than the alphabet's first.
                Investors = d.Participants
                    .OrderBy(p => p.Role == ParticipantRole.Lead ? 0 : p.Role == ParticipantRole.CoInvestor ? 1 : p.Role == ParticipantRole.Backer ? 2 : 3)
                    .ThenBy(p => p.Organization!.Name)
                    .Select(p => new OrganizationRef(p.Organization!.Name, p.Organization.Slug))
                    .ToList(),
                d.Kind,
                d.Status,
                d.AmountLow,
                d.AmountHigh,
                d.AmountQualifier,
                d.AnnouncedOn,
                d.AnnouncedPrecision,
                IsUmbrella = d.Children.Any(),
            })
            .ToListAsync(cancellationToken);

        var items = rows.Select(r => new DealSummary(
            r.Id,
            r.Title,
            r.Target,
            r.Investors,
            r.Kind,
            r.Status,
            AmountRange.Create(r.AmountLow, r.AmountHigh, r.AmountQualifier),
            r.AnnouncedOn is { } on ? PartialDate.Create(on, r.AnnouncedPrecision) : null,
            r.IsUmbrella)).ToList();
        return new PagedResult<DealSummary>(items, total);
    }

    /// <summary>Organizations that take part in deals, most active first, for the investor filter.</summary>
    public async Task<IReadOnlyList<InvestorOption>> ListInvestorsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Organizations.AsNoTracking()
            .Select(o => new { o.Slug, o.Name, DealCount = o.Participations.Count(p => p.Deal!.DeletedAt == null) })
            .Where(o => o.DealCount > 0)
            .OrderByDescending(o => o.DealCount)
            .ThenBy(o => o.Name)
            .Select(o => new InvestorOption(o.Slug, o.Name, o.DealCount))
            .ToListAsync(cancellationToken);
    }

    internal static IQueryable<Deal> Filter(IQueryable<Deal> deals, DealFilter filter)
    {
        if (filter.Investors.Count > 0)
        {
            var slugs = filter.Investors.ToList();
            deals = deals.Where(d => d.Participants.Any(p => slugs.Contains(p.Organization!.Slug)));
        }

        if (filter.Statuses.Count > 0)
        {
            var statuses = filter.Statuses.ToList();
            deals = deals.Where(d => statuses.Contains(d.Status));
        }

        return deals;
    }

    private static IOrderedQueryable<Deal> Sort(IQueryable<Deal> deals, DealFilter filter)
    {
        var ordered = (filter.Sort, filter.Descending) switch
        {
            (DealSortField.Title, false) => deals.OrderBy(d => d.Title),
            (DealSortField.Title, true) => deals.OrderByDescending(d => d.Title),
            (DealSortField.Target, false) => deals.OrderBy(d => d.Target!.Name),
            (DealSortField.Target, true) => deals.OrderByDescending(d => d.Target!.Name),
            (DealSortField.Kind, false) => deals.OrderBy(d => d.Kind),
            (DealSortField.Kind, true) => deals.OrderByDescending(d => d.Kind),
            // Statuses sort by their place in a deal's life, not alphabetically.
            (DealSortField.Status, false) => deals.OrderBy(StatusRank),
            (DealSortField.Status, true) => deals.OrderByDescending(StatusRank),
            (DealSortField.Amount, false) => deals.OrderBy(d => d.AmountHigh ?? d.AmountLow),
            (DealSortField.Amount, true) => deals.OrderByDescending(d => d.AmountHigh ?? d.AmountLow),
            (_, false) => deals.OrderBy(d => d.AnnouncedOn),
            _ => deals.OrderByDescending(d => d.AnnouncedOn),
        };

        // A stable tie-break keeps paging deterministic.
        return ordered.ThenBy(d => d.Id);
    }

    // An expression rather than a method, so that SQL can sort by it (EF cannot translate a call to a C# method).
    private static readonly Expression<Func<Deal, int>> StatusRank = d =>
        d.Status == DealStatus.Rumored ? 0
        : d.Status == DealStatus.InTalks ? 1
        : d.Status == DealStatus.Announced ? 2
        : d.Status == DealStatus.Completed ? 3
        : 4;
}
