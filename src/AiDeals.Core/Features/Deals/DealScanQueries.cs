using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Deals;

/// <summary>A slice of the deals a filter matches in id order, and where the next slice starts (null after the last).</summary>
public sealed record DealScanPage(IReadOnlyList<DealSummary> Items, int? NextAfterId);

/// <summary>
/// Reads every deal a filter matches, a slice at a time, in id order by keyset (<c>Id &gt; after</c>, the primary key):
/// each slice costs the same however deep the scan, and a script that reads them all while others write sees every deal
/// that existed when it started exactly once (a deal added meanwhile has a higher id and comes at the end; one deleted
/// meanwhile is not shown). The filter's sort is not used: the order is the id's.
/// </summary>
public sealed class DealScanQueries(IDbContextFactory<AiDealsDbContext> contextFactory)
{
    public async Task<DealScanPage> ScanAsync(DealFilter filter, int afterId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var take = Math.Clamp(limit, 1, PageRequest.MaxPageSize);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await DealFiltering.Filter(db, filter)
            .Where(d => d.Id > afterId)
            .OrderBy(d => d.Id)
            .Take(take + 1)
            .Select(d => new
            {
                d.Id,
                d.Title,
                Target = d.Target == null ? null : new OrganizationRef(d.Target.Name, d.Target.Slug),
                d.Kind,
                d.Status,
                Amount = AmountRange.Create(d.AmountLow, d.AmountHigh, d.AmountQualifier),
                Announced = d.AnnouncedOn == null ? (PartialDate?)null : PartialDate.Create(d.AnnouncedOn.Value, d.AnnouncedPrecision),
                IsUmbrella = d.Children.Any(),
            })
            .ToListAsync(cancellationToken);
        var page = rows.Take(take).ToList();
        var ids = page.Select(r => r.Id).ToList();
        var investors = (await db.DealParticipants.AsNoTracking()
                .Where(p => ids.Contains(p.DealId))
                .OrderBy(p => p.DealId)
                .ThenBy(DealFiltering.ParticipantRank)
                .ThenBy(p => p.Organization!.Name)
                .Select(p => new { p.DealId, Investor = new OrganizationRef(p.Organization!.Name, p.Organization.Slug) })
                .ToListAsync(cancellationToken))
            .ToLookup(p => p.DealId, p => p.Investor);
        var items = page.Select(r => new DealSummary(
            r.Id, r.Title, r.Target, [.. investors[r.Id]], r.Kind, r.Status, r.Amount, r.Announced, r.IsUmbrella)).ToList();
        return new DealScanPage(items, rows.Count > take ? page[^1].Id : null);
    }
}
