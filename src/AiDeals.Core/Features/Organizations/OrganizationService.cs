using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Organizations;

/// <summary>One row of the organization list.</summary>
public sealed record OrganizationSummary(
    string Slug,
    string Name,
    OrganizationType Type,
    string? Country,
    IReadOnlyList<string> Aliases,
    int DealsAsParticipant,
    int DealsAsTarget);

public sealed partial class OrganizationService(IDbContextFactory<AiDealsDbContext> contextFactory)
{
    /// <summary>
    /// Organizations by name; <paramref name="search"/> matches names and aliases, case-insensitively, and
    /// <paramref name="types"/> (empty: any) keeps those types.
    /// </summary>
    public async Task<IReadOnlyList<OrganizationSummary>> ListAsync(
        string? search = null, IReadOnlyCollection<OrganizationType>? types = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Organizations.AsNoTracking();
        if (types is { Count: > 0 })
        {
            var wanted = types.ToList();
            query = query.Where(o => wanted.Contains(o.Type));
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = Organization.Normalize(search);
            query = query.Where(o => o.NormalizedName.Contains(term) || o.Aliases.Any(a => a.NormalizedName.Contains(term)));
        }

        return await query
            .OrderBy(o => o.Name)
            .Select(o => new OrganizationSummary(
                o.Slug,
                o.Name,
                o.Type,
                o.Country,
                o.Aliases.OrderBy(a => a.Name).Select(a => a.Name).ToList(),
                o.Participations.Count(p => p.Deal!.DeletedAt == null),
                o.TargetedBy.Count(d => d.DeletedAt == null)))
            .ToListAsync(cancellationToken);
    }
}
