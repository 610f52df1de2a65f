using System.Runtime.CompilerServices;
using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Deals;

/// <summary>The deal list, its export and its filters' look-ups; filtering, sorting, counting and paging all run in SQL.</summary>
public sealed class DealQueries(IDbContextFactory<AiDealsDbContext> contextFactory)
{
    /// <summary>How many organizations or deals a type-ahead offers at once.</summary>
    public const int DefaultOptionLimit = 20;

    private static readonly ILookup<int, OrganizationRef> EmptyInvestors = Array.Empty<OrganizationRef>().ToLookup(_ => 0);

    public async Task<PagedResult<DealSummary>> SearchAsync(DealFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = DealFiltering.Filter(db, filter);
        var total = await query.CountAsync(cancellationToken);

        var rows = await DealFiltering.Sort(query, filter)
            .Skip(page.Skip)
            .Take(page.Take)
            .Select(d => new
            {
                d.Id,
                d.Title,
                Target = d.Target == null ? null : new OrganizationRef(d.Target.Name, d.Target.Slug),
                d.Kind,
                d.Status,

                // Built from the selected columns after the read: the SQL reads only these.
                Amount = AmountRange.Create(d.AmountLow, d.AmountHigh, d.AmountQualifier),
                Announced = d.AnnouncedOn == null ? (PartialDate?)null : PartialDate.Create(d.AnnouncedOn.Value, d.AnnouncedPrecision),
                IsUmbrella = d.Children.Any(),
            })
            .ToListAsync(cancellationToken);

        // The page's investors in a query of their own: joined into the page query, SQLite built the whole table of
        // participants for every page (hundreds of milliseconds at 100,000 deals); by deal id it reads only the page's.
        var ids = rows.Select(r => r.Id).ToList();
        var investors = ids.Count == 0 ? EmptyInvestors : (await db.DealParticipants.AsNoTracking()
                .Where(p => ids.Contains(p.DealId))
                .OrderBy(p => p.DealId)
                .ThenBy(DealFiltering.ParticipantRank)
                .ThenBy(p => p.Organization!.Name)
                .Select(p => new { p.DealId, Investor = new OrganizationRef(p.Organization!.Name, p.Organization.Slug) })
                .ToListAsync(cancellationToken))
            .ToLookup(p => p.DealId, p => p.Investor);

        var items = rows.Select(r => new DealSummary(
            r.Id,
            r.Title,
            r.Target,
            [.. investors[r.Id]],
            r.Kind,
            r.Status,
            r.Amount,
            r.Announced,
            r.IsUmbrella)).ToList();
        return new PagedResult<DealSummary>(items, total);
    }

    /// <summary>
    /// Every deal the filter matches (all pages), in its sort order, streamed as it is read. The rows, their investors
    /// and their source URLs come from three queries however many deals there are (a split query, so that a deal's
    /// investors and sources do not multiply each other's rows).
    /// </summary>
    public async IAsyncEnumerable<DealExportRow> ExportAsync(DealFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = DealFiltering.Query(db, filter)
            .Select(d => new
            {
                d.Id,
                d.Title,
                Target = d.Target == null ? null : d.Target.Name,
                Investors = d.Participants.AsQueryable()
                    .OrderBy(DealFiltering.ParticipantRank)
                    .ThenBy(p => p.Organization!.Name)
                    .Select(p => p.Organization!.Name)
                    .ToList(),
                d.Kind,
                d.Status,
                d.AmountLow,
                d.AmountHigh,
                d.AmountQualifier,
                d.AnnouncedOn,
                d.AnnouncedPrecision,
                SourceUrls = d.Citations
                    .Where(c => c.Source!.Url != null)
                    .OrderBy(c => c.Source!.PublishedOn)
                    .ThenBy(c => c.SourceId)
                    .Select(c => c.Source!.Url!)
                    .ToList(),
            })
            .AsSplitQuery()
            .AsAsyncEnumerable()
            .WithCancellation(cancellationToken);

        await foreach (var r in rows)
        {
            yield return new DealExportRow(
                r.Id,
                r.Title,
                r.Target,
                r.Investors,
                r.Kind,
                r.Status,
                AmountRange.Create(r.AmountLow, r.AmountHigh, r.AmountQualifier),
                r.AnnouncedOn is { } on ? PartialDate.Create(on, r.AnnouncedPrecision) : null,
                // Two citations of one deal may quote the same source.
                r.SourceUrls.Distinct(StringComparer.Ordinal).ToList());
        }
    }
}
