using System.Globalization;
using AiDeals.Core.Domain;
using AiDeals.Core.Features.History;
using AiDeals.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Dashboard;

/// <summary>The dashboard's feed of the latest changes, each line naming its record.</summary>
public sealed class RecentChangesQueries(IDbContextFactory<AiDealsDbContext> contextFactory, HistoryQueries history)
{
    // One save of a deal writes rows for its participants and citations too; reading this many entries leaves
    // enough whole saves to fill the feed, while staying one small indexed read.
    private const int EntriesRead = 200;

    /// <summary>
    /// The latest changes, newest first, one line per record per save: a citation or a participant counts as a
    /// change to the deal it belongs to, and every record is named (a deal by its title, an organization by its name
    /// with its slug), deleted records included.
    /// </summary>
    public async Task<IReadOnlyList<RecentChange>> ListAsync(int count, CancellationToken cancellationToken = default)
    {
        var entries = await history.RecentAsync(EntriesRead, cancellationToken);
        if (entries.Count == 0 || count <= 0)
        {
            return [];
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var owners = await ResolveOwnersAsync(db, entries, cancellationToken);
        var records = await NameRecordsAsync(db, owners.Values.Select(o => o.Record).Distinct().ToList(), cancellationToken);

        return entries
            .GroupBy(e => (e.AtUtc, e.User, Owner: owners[e.Id].Record))
            .Take(count)
            .Select(save =>
            {
                var own = save.FirstOrDefault(e => owners[e.Id].Part is null);
                var parts = save
                    .Where(e => owners[e.Id].Part is not null)
                    .GroupBy(e => (Part: owners[e.Id].Part!, e.Action))
                    .Select(g => new PartChange(g.Key.Part, g.Key.Action, g.Count()))
                    .ToList();
                var fields = own?.Action == AuditAction.Updated ? own.Fields.Select(f => f.Field).Distinct().ToList() : [];
                return new RecentChange(
                    save.Max(e => e.Id),
                    save.Key.AtUtc,
                    save.Key.User,
                    own?.Action ?? AuditAction.Updated,
                    records[save.Key.Owner],
                    fields,
                    parts);
            })
            .ToList();
    }

    /// <summary>The record each entry belongs to, and the part it is of that record (null for the record itself).</summary>
    private static async Task<Dictionary<long, (RecordKey Record, string? Part)>> ResolveOwnersAsync(
        Data.AiDealsDbContext db, IReadOnlyList<ChangeRecord> entries, CancellationToken cancellationToken)
    {
        var participantIds = IdsOf(entries, nameof(DealParticipant));
        var participants = await db.DealParticipants.IgnoreQueryFilters().AsNoTracking()
            .Where(p => participantIds.Contains(p.Id))
            .Select(p => new { p.Id, p.DealId })
            .ToDictionaryAsync(p => p.Id, p => p.DealId, cancellationToken);

        // A link belongs to the deal that is the part: it is that deal's list of wider deals.
        var linkIds = IdsOf(entries, nameof(DealLink));
        var links = await db.DealLinks.IgnoreQueryFilters().AsNoTracking()
            .Where(l => linkIds.Contains(l.Id))
            .Select(l => new { l.Id, l.PartId })
            .ToDictionaryAsync(l => l.Id, l => l.PartId, cancellationToken);

        var citationIds = IdsOf(entries, nameof(Citation));
        var citations = await db.Citations.IgnoreQueryFilters().AsNoTracking()
            .Where(c => citationIds.Contains(c.Id))
            .Select(c => new { c.Id, c.DealId, c.ValuationId, c.OrganizationId, c.MarketEventId })
            .ToDictionaryAsync(
                c => c.Id,
                c => c.DealId is { } deal ? new RecordKey(nameof(Deal), deal)
                    : c.ValuationId is { } valuation ? new RecordKey(nameof(Valuation), valuation)
                    : c.OrganizationId is { } organization ? new RecordKey(nameof(Organization), organization)
                    : new RecordKey(nameof(MarketEvent), c.MarketEventId ?? 0),
                cancellationToken);

        var aliasIds = IdsOf(entries, nameof(OrganizationAlias));
        var aliases = await db.OrganizationAliases.IgnoreQueryFilters().AsNoTracking()
            .Where(a => aliasIds.Contains(a.Id))
            .Select(a => new { a.Id, a.OrganizationId })
            .ToDictionaryAsync(a => a.Id, a => a.OrganizationId, cancellationToken);

        var owners = new Dictionary<long, (RecordKey, string?)>();
        foreach (var entry in entries)
        {
            var id = ChangeRecords.IdOf(entry.EntityId);
            owners[entry.Id] = entry.EntityType switch
            {
                nameof(DealParticipant) when id is { } p && participants.TryGetValue(p, out var deal) => (new RecordKey(nameof(Deal), deal), "participant"),
                nameof(DealLink) when id is { } l && links.TryGetValue(l, out var part) => (new RecordKey(nameof(Deal), part), "wider deal"),
                nameof(Citation) when id is { } c && citations.TryGetValue(c, out var subject) => (subject, "citation"),
                nameof(OrganizationAlias) when AliasOwner(entry, id, aliases) is { } organization => (new RecordKey(nameof(Organization), organization), "alias"),
                // The key of an event's organization link is "event id/organization id".
                nameof(MarketEventOrganization) when ChangeRecords.IdOf(entry.EntityId.Split('/')[0]) is { } marketEvent
                    => (new RecordKey(nameof(MarketEvent), marketEvent), "organization"),
                _ => (new RecordKey(entry.EntityType, id ?? 0, id is null ? entry.EntityId : null), null),
            };
        }

        return owners;
    }

    private static async Task<Dictionary<RecordKey, ChangedRecord>> NameRecordsAsync(
        Data.AiDealsDbContext db, IReadOnlyList<RecordKey> keys, CancellationToken cancellationToken)
    {
        List<int> Ids(string type) => keys.Where(k => k.EntityType == type).Select(k => k.Id).Distinct().ToList();

        var dealIds = Ids(nameof(Deal));
        var deals = await db.Deals.IgnoreQueryFilters().AsNoTracking()
            .Where(d => dealIds.Contains(d.Id))
            .Select(d => new { d.Id, d.Title, Exists = d.DeletedAt == null })
            .ToDictionaryAsync(d => d.Id, cancellationToken);

        var organizationIds = Ids(nameof(Organization));
        var organizations = await db.Organizations.IgnoreQueryFilters().AsNoTracking()
            .Where(o => organizationIds.Contains(o.Id))
            .Select(o => new { o.Id, o.Name, o.Slug, Exists = o.DeletedAt == null })
            .ToDictionaryAsync(o => o.Id, cancellationToken);

        var valuationIds = Ids(nameof(Valuation));
        var valuations = await db.Valuations.IgnoreQueryFilters().AsNoTracking()
            .Where(v => valuationIds.Contains(v.Id))
            .Select(v => new
            {
                v.Id,
                v.Organization!.Name,
                v.Organization.Slug,
                v.Amount,
                v.AsOf,
                v.AsOfPrecision,
                Exists = v.DeletedAt == null && v.Organization.DeletedAt == null,
            })
            .ToDictionaryAsync(v => v.Id, cancellationToken);

        var eventIds = Ids(nameof(MarketEvent));
        var events = await db.MarketEvents.IgnoreQueryFilters().AsNoTracking()
            .Where(e => eventIds.Contains(e.Id))
            .Select(e => new { e.Id, e.Title, Exists = e.DeletedAt == null })
            .ToDictionaryAsync(e => e.Id, cancellationToken);

        var sourceIds = Ids(nameof(Source));
        var sources = await db.Sources.IgnoreQueryFilters().AsNoTracking()
            .Where(s => sourceIds.Contains(s.Id))
            .Select(s => new { s.Id, s.Title, Exists = s.DeletedAt == null })
            .ToDictionaryAsync(s => s.Id, cancellationToken);

        return keys.ToDictionary(key => key, key => key.EntityType switch
        {
            nameof(Deal) when deals.TryGetValue(key.Id, out var d) => new ChangedRecord(RecordKind.Deal, key.EntityType, d.Id, d.Title, null, d.Exists),
            nameof(Organization) when organizations.TryGetValue(key.Id, out var o) => new ChangedRecord(RecordKind.Organization, key.EntityType, o.Id, o.Name, o.Slug, o.Exists),
            nameof(Valuation) when valuations.TryGetValue(key.Id, out var v) => new ChangedRecord(
                RecordKind.Valuation,
                key.EntityType,
                v.Id,
                $"{v.Name} at {AmountRange.Format(v.Amount)} ({PartialDate.Create(v.AsOf, v.AsOfPrecision)})",
                v.Slug,
                v.Exists),
            nameof(MarketEvent) when events.TryGetValue(key.Id, out var e) => new ChangedRecord(RecordKind.MarketEvent, key.EntityType, e.Id, e.Title, null, e.Exists),
            nameof(Source) when sources.TryGetValue(key.Id, out var s) => new ChangedRecord(RecordKind.Source, key.EntityType, s.Id, s.Title, null, s.Exists),
            // A record whose row is gone, or of a type with no page: named by its key.
            _ => new ChangedRecord(RecordKind.Other, key.EntityType, key.Id == 0 ? null : key.Id, "#" + (key.RawId ?? key.Id.ToString(CultureInfo.InvariantCulture)), null, false),
        });
    }

    private static List<int> IdsOf(IReadOnlyList<ChangeRecord> entries, string entityType) =>
        entries.Where(e => e.EntityType == entityType).Select(e => ChangeRecords.IdOf(e.EntityId)).OfType<int>().Distinct().ToList();

    // Aliases are removed for good, not soft-deleted: a removed alias names its organization in the change itself.
    private static int? AliasOwner(ChangeRecord entry, int? id, Dictionary<int, int> aliases)
    {
        if (id is { } alias && aliases.TryGetValue(alias, out var organization))
        {
            return organization;
        }

        var change = entry.Fields.FirstOrDefault(f => f.Field == nameof(OrganizationAlias.OrganizationId));
        return ChangeRecords.IdOf(change?.Old ?? change?.New ?? string.Empty);
    }

    /// <summary>A record by type and id; <see cref="RawId"/> keeps a key that is no single number.</summary>
    private sealed record RecordKey(string EntityType, int Id, string? RawId = null);
}
