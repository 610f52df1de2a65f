using AiDeals.Core.Data;
using AiDeals.Core.Data.Seeding;
using AiDeals.Core.Domain;
using AiDeals.Core.Features.Deals;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Import;

/// <summary>
/// What the database holds that a file's entries may match, read in bulk before the batch runs: organizations by
/// name and alias, sources, and the deals the file's external ids or (target, investor, announced period) name, with
/// their forms, so that an entry that would change nothing is known as such without a query per row.
/// </summary>
internal sealed class ImportLookup
{
    private const int Chunk = 500;

    /// <summary>Live organizations by normalized name and by normalized alias.</summary>
    public Dictionary<string, int> OrganizationsByName { get; } = new(StringComparer.Ordinal);

    public Dictionary<int, Organization> Organizations { get; } = [];

    public List<Source> Sources { get; } = [];

    public List<Valuation> Valuations { get; } = [];

    public List<MarketEvent> MarketEvents { get; } = [];

    public Dictionary<string, DealForm> DealsByExternalId { get; } = new(StringComparer.Ordinal);

    /// <summary>Live deals by target and announced period, for the entries without an external id that matches.</summary>
    public Dictionary<(int? TargetId, DateOnly? On, DatePrecision Precision), List<DealForm>> DealsByTargetAndPeriod { get; } = [];

    public static async Task<ImportLookup> ReadAsync(AiDealsDbContext db, DealBook book, CancellationToken cancellationToken)
    {
        var lookup = new ImportLookup();
        var organizations = await db.Organizations.AsNoTracking().Include(o => o.Aliases).Include(o => o.Citations).AsSplitQuery().ToListAsync(cancellationToken);
        foreach (var organization in organizations)
        {
            lookup.Organizations[organization.Id] = organization;
            lookup.OrganizationsByName[organization.NormalizedName] = organization.Id;
            foreach (var alias in organization.Aliases)
            {
                lookup.OrganizationsByName.TryAdd(alias.NormalizedName, organization.Id);
            }
        }

        if (book.Sources is { Count: > 0 } || book.Organizations is { Count: > 0 } || book.Valuations is { Count: > 0 } || book.MarketEvents is { Count: > 0 })
        {
            lookup.Sources.AddRange(await db.Sources.AsNoTracking().ToListAsync(cancellationToken));
        }

        if (book.Valuations is { Count: > 0 })
        {
            lookup.Valuations.AddRange(await db.Valuations.AsNoTracking().Include(v => v.Citations).AsSplitQuery().ToListAsync(cancellationToken));
        }

        if (book.MarketEvents is { Count: > 0 })
        {
            lookup.MarketEvents.AddRange(await db.MarketEvents.AsNoTracking().Include(e => e.Organizations).Include(e => e.Citations)
                .AsSplitQuery().ToListAsync(cancellationToken));
        }

        var deals = book.Deals ?? [];
        var keys = deals.Select(d => d.Key).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var ids = new HashSet<int>();
        foreach (var chunk in keys.Chunk(Chunk))
        {
            ids.UnionWith(await db.Deals.Where(d => chunk.Contains(d.ExternalId)).Select(d => d.Id).ToListAsync(cancellationToken));
        }

        var targets = deals.Select(d => lookup.Organization(d.Target)).Distinct().ToList();
        foreach (var chunk in targets.Where(t => t is not null).Chunk(Chunk))
        {
            ids.UnionWith(await db.Deals.Where(d => chunk.Contains(d.TargetId)).Select(d => d.Id).ToListAsync(cancellationToken));
        }

        foreach (var chunk in ids.Order().Chunk(Chunk))
        {
            foreach (var form in await DealForms.ReadManyAsync(db, chunk, cancellationToken))
            {
                if (form.ExternalId is { } externalId)
                {
                    lookup.DealsByExternalId[externalId] = form;
                }

                var period = (form.TargetId, form.AnnouncedOn, form.AnnouncedPrecision);
                if (!lookup.DealsByTargetAndPeriod.TryGetValue(period, out var list))
                {
                    lookup.DealsByTargetAndPeriod[period] = list = [];
                }

                list.Add(form);
            }
        }

        return lookup;
    }

    /// <summary>The live organization with this name or alias, if any.</summary>
    public int? Organization(string? nameOrAlias) =>
        nameOrAlias is not null && OrganizationsByName.TryGetValue(Domain.Organization.Normalize(nameOrAlias), out var id) ? id : null;

    /// <summary>The live source with this address; without one, with this title and date.</summary>
    public Source? Source(DealBookSource source) => source.Url is { } url
        ? Sources.FirstOrDefault(s => string.Equals(s.Url, url.Trim(), StringComparison.OrdinalIgnoreCase))
        : Sources.FirstOrDefault(s => s.Url is null && s.PublishedOn == source.PublishedOn
            && string.Equals(s.Title, source.Title?.Trim(), StringComparison.OrdinalIgnoreCase));
}
