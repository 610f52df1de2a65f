using System.Globalization;
using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using AiDeals.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Export;

/// <summary>
/// The organizations and sources a deal book export names, and the keys that link its entries: made from the rows'
/// own values and their order by id, never from anything that changes on import, so the same data gets the same keys.
/// </summary>
internal sealed class ExportKeys
{
    private readonly Dictionary<int, string> _organizations = [];
    private readonly Dictionary<int, string> _sources = [];
    private readonly Dictionary<int, string> _externalIds;
    private readonly HashSet<string> _takenExternalIds;

    private ExportKeys(List<Organization> organizations, List<Source> sources, Dictionary<int, string> externalIds)
    {
        Organizations = organizations;
        Sources = sources;
        _externalIds = externalIds;
        _takenExternalIds = [.. externalIds.Values];
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var organization in organizations)
        {
            var slug = OrganizationSlug.Of(organization.Name);
            var key = slug;
            for (var n = 2; !slugs.Add(key); n++)
            {
                key = string.Create(CultureInfo.InvariantCulture, $"{slug}-{n}");
            }

            _organizations[organization.Id] = key;
        }

        for (var i = 0; i < sources.Count; i++)
        {
            _sources[sources[i].Id] = string.Create(CultureInfo.InvariantCulture, $"source-{i + 1}");
        }
    }

    public List<Organization> Organizations { get; }

    public List<Source> Sources { get; }

    public static async Task<ExportKeys> ReadAsync(AiDealsDbContext db, IQueryable<Deal> deals, bool whole, CancellationToken cancellationToken)
    {
        // Every organization the export names: all live ones for the whole database, else those of the view's deals; a
        // deleted one a live row still names comes along, so that no reference is left dangling.
        var participants = db.DealParticipants.Where(p => deals.Any(d => d.Id == p.DealId));
        var organizations = await db.Organizations.IgnoreQueryFilters()
            .Where(o => (whole && o.DeletedAt == null)
                || deals.Any(d => d.TargetId == o.Id)
                || participants.Any(p => p.OrganizationId == o.Id)
                || (whole && db.Valuations.Any(v => v.OrganizationId == o.Id))
                || (whole && db.MarketEventOrganizations.Any(m => m.OrganizationId == o.Id && m.MarketEvent!.DeletedAt == null)))
            .Include(o => o.Aliases)
            .OrderBy(o => o.Id)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var organizationIds = organizations.Select(o => o.Id).ToList();
        var cited = db.Citations.Where(c => (c.DealId != null && deals.Any(d => d.Id == c.DealId))
            || (c.OrganizationId != null && organizationIds.Contains(c.OrganizationId.Value))
            || (whole && (c.ValuationId != null || c.MarketEventId != null)));
        var sources = await db.Sources.IgnoreQueryFilters()
            .Where(s => (whole && s.DeletedAt == null) || cited.Any(c => c.SourceId == s.Id))
            .OrderBy(s => s.Id)
            .ToListAsync(cancellationToken);
        var externalIds = await db.Deals.IgnoreQueryFilters().Where(d => d.ExternalId != null)
            .ToDictionaryAsync(d => d.Id, d => d.ExternalId!, cancellationToken);
        return new ExportKeys(organizations, sources, externalIds);
    }

    public string Organization(int id) => _organizations[id];

    public string Source(int id) => _sources[id];

    /// <summary>The deal's external id; else "deal-" and its id, made longer in the rare case an external id took that.</summary>
    public string Deal(int id)
    {
        if (_externalIds.TryGetValue(id, out var externalId))
        {
            return externalId;
        }

        var key = string.Create(CultureInfo.InvariantCulture, $"deal-{id}");
        while (_takenExternalIds.Contains(key))
        {
            key += "-here";
        }

        return key;
    }
}
