using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using AiDeals.Core.Features.Deals;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Organizations;

/// <summary>Organizations to list, to pick, to edit and to merge.</summary>
public sealed class OrganizationQueries(IDbContextFactory<AiDealsDbContext> contextFactory)
{
    /// <summary>
    /// A page of the organizations by name, in any case ("eBay" among the E's, as the unique index on the normalized name
    /// orders them, so a page reads no more than its rows), and how many match: <paramref name="search"/> matches names
    /// and aliases, case-insensitively, and <paramref name="types"/> (empty: any) keeps those types. A page past the
    /// last is empty.
    /// </summary>
    public async Task<PagedResult<OrganizationSummary>> ListAsync(
        string? search, IReadOnlyCollection<OrganizationType>? types, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = Matching(db.Organizations.AsNoTracking(), search);
        if (types is { Count: > 0 })
        {
            var wanted = types.ToList();
            query = query.Where(o => wanted.Contains(o.Type));
        }

        var total = await query.CountAsync(cancellationToken);
        var items = total <= page.Skip ? [] : await query
            .OrderBy(o => o.NormalizedName)
            .Skip(page.Skip)
            .Take(page.Take)
            .Select(o => new OrganizationSummary(
                o.Slug,
                o.Name,
                o.Type,
                o.Country,
                o.Aliases.OrderBy(a => a.Name).Select(a => a.Name).ToList(),
                // The kept count (OrganizationTotals, by the triggers): counted here, a busy fund's page visited each of its deals.
                db.OrganizationTotals.Where(t => t.OrganizationId == o.Id).Select(t => t.Deals).FirstOrDefault(),
                o.TargetedBy.Count(d => d.DeletedAt == null)))
            .ToListAsync(cancellationToken);
        return new PagedResult<OrganizationSummary>(items, total);
    }

    /// <summary>The organization's editable values at this address, with its id and version; null when there is none.</summary>
    public async Task<OrganizationForm?> GetFormAsync(string slug, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var organization = await db.Organizations.AsNoTracking()
            .Include(o => o.Aliases)
            .SingleOrDefaultAsync(o => o.Slug == slug, cancellationToken);
        return organization is null ? null : OrganizationForms.Of(organization);
    }

    /// <summary>The organization's editable values by id (its address may have changed with its name); null when there is none.</summary>
    public async Task<OrganizationForm?> GetFormAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var organization = await db.Organizations.AsNoTracking()
            .Include(o => o.Aliases)
            .SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        return organization is null ? null : OrganizationForms.Of(organization);
    }

    /// <summary>The deleted organization at this address; null when it is live or there is none.</summary>
    public async Task<DeletedOrganization?> FindDeletedAsync(string slug, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var deleted = await db.Organizations.IgnoreQueryFilters().AsNoTracking()
            .Where(o => o.Slug == slug && o.DeletedAt != null)
            .Select(o => new { o.Id, o.Name, o.Version, o.DeletedAt })
            .SingleOrDefaultAsync(cancellationToken);
        return deleted is null ? null : new DeletedOrganization(deleted.Id, deleted.Name, deleted.Version, DateTime.SpecifyKind(deleted.DeletedAt!.Value, DateTimeKind.Utc));
    }

    /// <summary>What <see cref="MergeOrganizations"/> would do; null when either organization is missing or they are the same.</summary>
    public async Task<MergePreview?> PreviewMergeAsync(int survivorId, int mergedId, CancellationToken cancellationToken = default)
    {
        if (survivorId == mergedId)
        {
            return null;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var pair = await db.Organizations.AsNoTracking()
            .Where(o => o.Id == survivorId || o.Id == mergedId)
            .Select(o => new { o.Id, o.Name, o.Slug, Aliases = o.Aliases.OrderBy(a => a.Name).Select(a => a.Name).ToList() })
            .ToListAsync(cancellationToken);
        var survivor = pair.SingleOrDefault(o => o.Id == survivorId);
        var merged = pair.SingleOrDefault(o => o.Id == mergedId);
        if (survivor is null || merged is null)
        {
            return null;
        }

        var participations = db.DealParticipants.AsNoTracking().Where(p => p.OrganizationId == mergedId && p.Deal!.DeletedAt == null);
        var shared = await participations
            .Where(p => p.Deal!.Participants.Any(s => s.OrganizationId == survivorId && s.DeletedAt == null))
            .OrderBy(p => p.Deal!.Title)
            .Select(p => new DealRef(p.DealId, p.Deal!.Title))
            .ToListAsync(cancellationToken);

        return new MergePreview(
            new OrganizationOption(survivor.Id, survivor.Name, survivor.Slug, []),
            new OrganizationOption(merged.Id, merged.Name, merged.Slug, []),
            merged.Aliases.Prepend(merged.Name).ToList(),
            await db.Deals.CountAsync(d => d.TargetId == mergedId, cancellationToken),
            await participations.CountAsync(cancellationToken),
            shared,
            await db.Valuations.CountAsync(v => v.OrganizationId == mergedId, cancellationToken),
            await db.MarketEventOrganizations.CountAsync(e => e.OrganizationId == mergedId, cancellationToken),
            await db.Citations.CountAsync(c => c.OrganizationId == mergedId, cancellationToken));
    }

    /// <summary>The organizations whose name or one of whose aliases contains the text, case-insensitively; all when it is blank.</summary>
    private static IQueryable<Organization> Matching(IQueryable<Organization> organizations, string? search)
    {
        if (string.IsNullOrWhiteSpace(search))
        {
            return organizations;
        }

        var term = Organization.Normalize(search);
        return organizations.Where(o => o.NormalizedName.Contains(term) || o.Aliases.Any(a => a.NormalizedName.Contains(term)));
    }
}
