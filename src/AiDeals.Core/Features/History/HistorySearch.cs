using System.Globalization;
using AiDeals.Core.Data;
using AiDeals.Core.Data.Seeding;
using AiDeals.Core.Domain;
using AiDeals.Core.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.History;

/// <summary>
/// Which changes to list: by user, by entity type (and one record's id), by UTC day range, both ends included, and by
/// the batch they came in with (an import).
/// Account changes are left out unless <see cref="IncludeAccounts"/> (the page sets it for admins only).
/// </summary>
public sealed record HistoryFilter(
    string? User = null,
    string? EntityType = null,
    int? EntityId = null,
    DateOnly? From = null,
    DateOnly? To = null,
    bool IncludeAccounts = false,
    string? Batch = null);

/// <summary>
/// The record a change belongs to, for a link: a participant or a citation belongs to its deal, an alias to its
/// organization, an event's organization link to the event. <see cref="Exists"/> is false once the record is deleted.
/// </summary>
public sealed record HistoryRecord(RecordKind Kind, int? Id, string Name, string? Slug, bool Exists);

/// <summary>A deleted record that a change's Restore button brings back, at the version it is stored at now.</summary>
public sealed record RestoreTarget(string EntityType, int Id, int Version);

/// <summary>One line of the history: the change, the record it belongs to, and, on a deletion still in force, what to restore.</summary>
public sealed record HistoryEntry(ChangeRecord Change, HistoryRecord Record, RestoreTarget? Restore);

/// <summary>The history page's search over every change, with each change's record and what to restore.</summary>
public sealed class HistorySearch(IDbContextFactory<AiDealsDbContext> contextFactory)
{
    /// <summary>The entity types whose deletions the history offers to restore.</summary>
    public static IReadOnlySet<string> RestorableTypes { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        nameof(Deal), nameof(Organization), nameof(Valuation), nameof(MarketEvent), nameof(Source),
    };

    /// <summary>The entity types the filter offers, in the order it lists them.</summary>
    public static IReadOnlyList<string> EntityTypes { get; } =
    [
        nameof(Deal), nameof(DealParticipant), nameof(Citation), nameof(Organization), nameof(OrganizationAlias),
        nameof(Valuation), nameof(MarketEvent), nameof(MarketEventOrganization), nameof(Source),
    ];

    /// <summary>Every change that matches, newest first, a page at a time; filtered, counted and paged in SQL.</summary>
    public async Task<PagedResult<HistoryEntry>> SearchAsync(HistoryFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(page);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = db.AuditEntries.AsNoTracking();
        if (!filter.IncludeAccounts)
        {
            var personal = PersonalRecords.EntityTypes;
            query = query.Where(a => a.EntityType != AccountService.AuditEntityType && !personal.Contains(a.EntityType));
        }

        if (!string.IsNullOrWhiteSpace(filter.User))
        {
            var user = filter.User.Trim();
            query = query.Where(a => a.User == user);
        }

        if (!string.IsNullOrWhiteSpace(filter.Batch))
        {
            query = query.Where(a => a.Batch == filter.Batch);
        }

        if (!string.IsNullOrWhiteSpace(filter.EntityType))
        {
            query = query.Where(a => a.EntityType == filter.EntityType);
        }

        if (filter.EntityId is { } entityId)
        {
            var key = entityId.ToString(CultureInfo.InvariantCulture);
            query = query.Where(a => a.EntityId == key);
        }

        if (filter.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(a => a.AtUtc >= start);
        }

        if (filter.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(a => a.AtUtc < end);
        }

        var total = await query.CountAsync(cancellationToken);

        // Ids rise with every save, so the newest change has the highest: the primary key orders without a sort.
        var entries = await query
            .OrderByDescending(a => a.Id)
            .Skip(page.Skip)
            .Take(page.Take)
            .ToListAsync(cancellationToken);
        var changes = entries.Select(ChangeRecords.Of).ToList();
        var records = await DescribeRecordsAsync(db, changes, cancellationToken);
        var restorable = await DeletedNowAsync(db, changes, cancellationToken);

        return new PagedResult<HistoryEntry>(
            changes.Select(c => new HistoryEntry(
                    c,
                    records[c.Id],
                    c.Action == AuditAction.Deleted && restorable.TryGetValue((c.EntityType, c.EntityId), out var version)
                        ? new RestoreTarget(c.EntityType, int.Parse(c.EntityId, CultureInfo.InvariantCulture), version)
                        : null))
                .ToList(),
            total);
    }

    /// <summary>
    /// The names the user filter offers: every account, and the app's own writers (seeding, synthetic data). Read from
    /// the accounts rather than the audit log, which may hold millions of rows.
    /// </summary>
    public async Task<IReadOnlyList<string>> UserNamesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var accounts = await db.Users.AsNoTracking().Select(u => u.UserName).OfType<string>().ToListAsync(cancellationToken);
        return accounts
            .Concat([AccountService.SystemUser, DealBookLoader.SeedUser, SyntheticDataGenerator.User])
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>Which of these changes' records of a restorable type are deleted now, with their current version.</summary>
    private static async Task<Dictionary<(string, string), int>> DeletedNowAsync(
        AiDealsDbContext db, List<ChangeRecord> changes, CancellationToken cancellationToken)
    {
        List<int> Deleted(string type) => changes
            .Where(c => c.EntityType == type && c.Action == AuditAction.Deleted)
            .Select(c => ChangeRecords.IdOf(c.EntityId))
            .OfType<int>()
            .Distinct()
            .ToList();

        var found = new Dictionary<(string, string), int>();
        async Task AddAsync<T>(IQueryable<T> rows, string type)
            where T : EditableEntity
        {
            var ids = Deleted(type);
            if (ids.Count == 0)
            {
                return;
            }

            var deleted = await rows.IgnoreQueryFilters().AsNoTracking()
                .Where(r => ids.Contains(r.Id) && r.DeletedAt != null)
                .Select(r => new { r.Id, r.Version })
                .ToListAsync(cancellationToken);
            foreach (var row in deleted)
            {
                found[(type, row.Id.ToString(CultureInfo.InvariantCulture))] = row.Version;
            }
        }

        await AddAsync(db.Deals, nameof(Deal));
        await AddAsync(db.Organizations, nameof(Organization));
        await AddAsync(db.Valuations, nameof(Valuation));
        await AddAsync(db.MarketEvents, nameof(MarketEvent));
        await AddAsync(db.Sources, nameof(Source));
        return found;
    }

    /// <summary>The record each change belongs to (by change id), named, deleted records included.</summary>
    internal static async Task<Dictionary<long, HistoryRecord>> DescribeRecordsAsync(
        AiDealsDbContext db, List<ChangeRecord> changes, CancellationToken cancellationToken)
    {
        List<int> IdsOf(string type) => changes.Where(c => c.EntityType == type).Select(c => ChangeRecords.IdOf(c.EntityId)).OfType<int>().Distinct().ToList();

        var participantIds = IdsOf(nameof(DealParticipant));
        var participantDeals = await db.DealParticipants.IgnoreQueryFilters().AsNoTracking()
            .Where(p => participantIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.DealId, cancellationToken);
        var citationIds = IdsOf(nameof(Citation));
        var citationSubjects = await db.Citations.IgnoreQueryFilters().AsNoTracking()
            .Where(c => citationIds.Contains(c.Id))
            .Select(c => new { c.Id, c.DealId, c.ValuationId, c.OrganizationId, c.MarketEventId })
            .ToDictionaryAsync(
                c => c.Id,
                c => c.DealId is { } deal ? (nameof(Deal), deal)
                    : c.ValuationId is { } valuation ? (nameof(Valuation), valuation)
                    : c.OrganizationId is { } organization ? (nameof(Organization), organization)
                    : (nameof(MarketEvent), c.MarketEventId ?? 0),
                cancellationToken);
        var aliasIds = IdsOf(nameof(OrganizationAlias));
        var aliasOwners = await db.OrganizationAliases.IgnoreQueryFilters().AsNoTracking()
            .Where(a => aliasIds.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => a.OrganizationId, cancellationToken);

        // Each change's owner as (type, id); the id is null for a record that left no trace of its owner.
        var owners = changes.ToDictionary(c => c.Id, c =>
        {
            var id = ChangeRecords.IdOf(c.EntityId);
            return c.EntityType switch
            {
                nameof(DealParticipant) => (nameof(Deal), id is { } p && participantDeals.TryGetValue(p, out var deal) ? deal : FieldId(c, nameof(DealParticipant.DealId))),
                nameof(Citation) when id is { } ci && citationSubjects.TryGetValue(ci, out var subject) => (subject.Item1, (int?)subject.Item2),
                nameof(OrganizationAlias) => (nameof(Organization), id is { } a && aliasOwners.TryGetValue(a, out var owner) ? owner : FieldId(c, nameof(OrganizationAlias.OrganizationId))),
                // An event's organization link is keyed "event id/organization id".
                nameof(MarketEventOrganization) => (nameof(MarketEvent), ChangeRecords.IdOf(c.EntityId.Split('/')[0])),
                _ => (c.EntityType, id),
            };
        });

        List<int> OwnerIds(string type) => owners.Values.Where(o => o.Item1 == type && o.Item2 is not null).Select(o => o.Item2!.Value).Distinct().ToList();

        var dealIds = OwnerIds(nameof(Deal));
        var deals = await db.Deals.IgnoreQueryFilters().AsNoTracking()
            .Where(d => dealIds.Contains(d.Id))
            .ToDictionaryAsync(d => d.Id, d => new HistoryRecord(RecordKind.Deal, d.Id, d.Title, null, d.DeletedAt == null), cancellationToken);
        var organizationIds = OwnerIds(nameof(Organization));
        var organizations = await db.Organizations.IgnoreQueryFilters().AsNoTracking()
            .Where(o => organizationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => new HistoryRecord(RecordKind.Organization, o.Id, o.Name, o.Slug, o.DeletedAt == null), cancellationToken);
        var valuationIds = OwnerIds(nameof(Valuation));
        var valuations = (await db.Valuations.IgnoreQueryFilters().AsNoTracking()
                .Where(v => valuationIds.Contains(v.Id))
                .Select(v => new { v.Id, v.Organization!.Name, v.Organization.Slug, v.Amount, v.AsOf, v.AsOfPrecision, Exists = v.DeletedAt == null && v.Organization.DeletedAt == null })
                .ToListAsync(cancellationToken))
            .ToDictionary(v => v.Id, v => new HistoryRecord(
                RecordKind.Valuation, v.Id, $"{v.Name} at {AmountRange.Format(v.Amount)} ({PartialDate.Create(v.AsOf, v.AsOfPrecision)})", v.Slug, v.Exists));
        var eventIds = OwnerIds(nameof(MarketEvent));
        var events = await db.MarketEvents.IgnoreQueryFilters().AsNoTracking()
            .Where(e => eventIds.Contains(e.Id))
            .ToDictionaryAsync(e => e.Id, e => new HistoryRecord(RecordKind.MarketEvent, e.Id, e.Title, null, e.DeletedAt == null), cancellationToken);
        var sourceIds = OwnerIds(nameof(Source));
        var sources = await db.Sources.IgnoreQueryFilters().AsNoTracking()
            .Where(s => sourceIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => new HistoryRecord(RecordKind.Source, s.Id, s.Title, null, s.DeletedAt == null), cancellationToken);

        return changes.ToDictionary(c => c.Id, c =>
        {
            var (type, id) = owners[c.Id];
            var found = id is not { } key ? null : type switch
            {
                nameof(Deal) => deals.GetValueOrDefault(key),
                nameof(Organization) => organizations.GetValueOrDefault(key),
                nameof(Valuation) => valuations.GetValueOrDefault(key),
                nameof(MarketEvent) => events.GetValueOrDefault(key),
                nameof(Source) => sources.GetValueOrDefault(key),
                _ => null,
            };
            return found ?? new HistoryRecord(RecordKind.Other, id, $"{c.EntityType} #{c.EntityId}", null, false);
        });
    }

    private static int? FieldId(ChangeRecord change, string field)
    {
        var value = change.Fields.FirstOrDefault(f => f.Field == field);
        return ChangeRecords.IdOf(value?.Old ?? value?.New);
    }
}
