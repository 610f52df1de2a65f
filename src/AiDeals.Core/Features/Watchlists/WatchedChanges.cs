using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using AiDeals.Core.Features.History;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Watchlists;

/// <summary>One change to a watched record (or a part of it: a participant, a citation, an alias, a valuation).</summary>
public sealed record WatchedChange(ChangeRecord Change, HistoryRecord Record);

/// <summary>
/// Watched changes, newest first, and <see cref="ReadThroughId"/>, the newest audit entry when they were read: marking
/// the page as seen marks up to it, so a change saved while the analyst read stays new.
/// </summary>
public sealed record WatchedChangesPage(IReadOnlyList<WatchedChange> Items, long ReadThroughId, bool ScanLimitReached);

/// <summary>Which watched changes to read: since the owner's last visit or all, theirs included or not, how many.</summary>
public sealed record WatchedChangesRequest(bool SinceSeen = true, bool IncludeOwn = false, int Max = 100);

/// <summary>
/// "What changed": the audit entries of what an analyst watches. A watched deal counts its participants and citations;
/// a watched organization counts its aliases, citations and valuations, and the deals it is the target of or takes part
/// in. Read from the newest entries back to the last visit (at most <see cref="ScanLimit"/> entries), so a visit costs
/// what the changes since the last one cost, whatever the size of the log.
/// </summary>
public sealed class WatchedChanges(IDbContextFactory<AiDealsDbContext> contexts)
{
    /// <summary>Entries read back at most per call: a longer absence shows the newest of them and says so.</summary>
    public const int ScanLimit = 5000;

    private static readonly string[] WatchedTypes =
    [
        nameof(Deal), nameof(DealParticipant), nameof(Citation), nameof(Organization), nameof(OrganizationAlias), nameof(Valuation),
    ];

    public async Task<WatchedChangesPage> ListAsync(string owner, WatchedChangesRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var newest = await db.AuditEntries.MaxAsync(a => (long?)a.Id, cancellationToken) ?? 0;
        var watches = await db.WatchedRecords.AsNoTracking().Where(w => w.Owner == owner)
            .Select(w => new { w.Kind, w.RecordId, w.SinceAuditId })
            .ToListAsync(cancellationToken);
        if (watches.Count == 0)
        {
            return new WatchedChangesPage([], newest, false);
        }

        var seen = request.SinceSeen
            ? await db.Watchlists.AsNoTracking().Where(w => w.Owner == owner).Select(w => w.SeenThroughAuditId).FirstOrDefaultAsync(cancellationToken)
            : 0;
        var floor = Math.Max(seen, watches.Min(w => w.SinceAuditId));
        var query = db.AuditEntries.AsNoTracking().Where(a => a.Id > floor && a.Id <= newest && WatchedTypes.Contains(a.EntityType));
        if (!request.IncludeOwn)
        {
            query = query.Where(a => a.User != owner);
        }

        // Ids rise with every save: the primary key reads newest first without a sort.
        var entries = await query.OrderByDescending(a => a.Id).Take(ScanLimit).ToListAsync(cancellationToken);
        var changes = entries.Select(ChangeRecords.Of).ToList();
        var records = await HistorySearch.DescribeRecordsAsync(db, changes, cancellationToken);

        var watchedOrganizations = watches.Where(w => w.Kind == RecordKind.Organization).ToDictionary(w => w.RecordId, w => w.SinceAuditId);
        var watchedDeals = watches.Where(w => w.Kind == RecordKind.Deal).ToDictionary(w => w.RecordId, w => w.SinceAuditId);
        var (valuationOrganizations, dealOrganizations) = watchedOrganizations.Count == 0
            ? ([], [])
            : await OrganizationsOfAsync(db, records.Values, watchedOrganizations.Keys, cancellationToken);

        bool Watched(ChangeRecord change)
        {
            var record = records[change.Id];
            bool After(Dictionary<int, long> watched, int id) => watched.TryGetValue(id, out var since) && change.Id > since;
            return record.Id is { } id && record.Kind switch
            {
                RecordKind.Deal => After(watchedDeals, id) || dealOrganizations.GetValueOrDefault(id, []).Any(o => After(watchedOrganizations, o)),
                RecordKind.Organization => After(watchedOrganizations, id),
                RecordKind.Valuation => valuationOrganizations.TryGetValue(id, out var organization) && After(watchedOrganizations, organization),
                _ => false,
            };
        }

        var items = changes.Where(Watched).Take(Math.Clamp(request.Max, 1, ScanLimit)).Select(c => new WatchedChange(c, records[c.Id])).ToList();
        return new WatchedChangesPage(items, newest, entries.Count == ScanLimit);
    }

    /// <summary>How many changes to what the owner watches they have not seen (their own left out), up to <paramref name="max"/>.</summary>
    public async Task<int> CountNewAsync(string owner, int max = 100, CancellationToken cancellationToken = default) =>
        (await ListAsync(owner, new WatchedChangesRequest(Max: max), cancellationToken)).Items.Count;

    /// <summary>
    /// For the valuations and deals among these records: the organization a valuation is of, and the watched organizations
    /// each deal has as its target or a participant (deleted participations too: their removal is a change to hear of).
    /// </summary>
    private static async Task<(Dictionary<int, int> Valuations, Dictionary<int, List<int>> Deals)> OrganizationsOfAsync(
        AiDealsDbContext db, IEnumerable<HistoryRecord> records, IEnumerable<int> watchedOrganizations, CancellationToken cancellationToken)
    {
        var list = records.Where(r => r.Id is not null).ToList();
        var valuationIds = list.Where(r => r.Kind == RecordKind.Valuation).Select(r => r.Id!.Value).Distinct().ToList();
        var dealIds = list.Where(r => r.Kind == RecordKind.Deal).Select(r => r.Id!.Value).Distinct().ToList();
        var organizations = watchedOrganizations.ToList();
        var valuations = await db.Valuations.IgnoreQueryFilters().AsNoTracking()
            .Where(v => valuationIds.Contains(v.Id))
            .ToDictionaryAsync(v => v.Id, v => v.OrganizationId, cancellationToken);
        var targets = await db.Deals.IgnoreQueryFilters().AsNoTracking()
            .Where(d => dealIds.Contains(d.Id) && d.TargetId != null && organizations.Contains(d.TargetId.Value))
            .Select(d => new { DealId = d.Id, OrganizationId = d.TargetId!.Value })
            .ToListAsync(cancellationToken);
        var participants = await db.DealParticipants.IgnoreQueryFilters().AsNoTracking()
            .Where(p => dealIds.Contains(p.DealId) && organizations.Contains(p.OrganizationId))
            .Select(p => new { p.DealId, p.OrganizationId })
            .ToListAsync(cancellationToken);
        var deals = targets.Concat(participants)
            .GroupBy(x => x.DealId)
            .ToDictionary(g => g.Key, g => g.Select(x => x.OrganizationId).Distinct().ToList());
        return (valuations, deals);
    }
}
