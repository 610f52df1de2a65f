using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features;

/// <summary>
/// What the checks of a command ask the database most (which organizations, sources and deals are live, whether an
/// external id is taken), asked by query each time. A batch answers the same questions from sets it reads once (see
/// <see cref="BatchLiveRows"/>): the rules stay the validators' own, only where the answers come from differs.
/// </summary>
public class LiveRows(AiDealsDbContext db)
{
    protected AiDealsDbContext Db { get; } = db;

    /// <summary>Which of <paramref name="ids"/> are live organizations.</summary>
    public virtual async Task<IReadOnlySet<int>> OrganizationsAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        ids.Count == 0 ? new HashSet<int>()
        : (await Db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).Select(o => o.Id).ToListAsync(cancellationToken)).ToHashSet();

    /// <summary>Which of <paramref name="ids"/> are live sources.</summary>
    public virtual async Task<IReadOnlySet<int>> SourcesAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        ids.Count == 0 ? new HashSet<int>()
        : (await Db.Sources.AsNoTracking().Where(s => ids.Contains(s.Id)).Select(s => s.Id).ToListAsync(cancellationToken)).ToHashSet();

    /// <summary>Whether the deal is live.</summary>
    public virtual Task<bool> DealAsync(int id, CancellationToken cancellationToken) =>
        Db.Deals.AnyAsync(d => d.Id == id, cancellationToken);

    /// <summary>Whether a deal other than <paramref name="dealId"/>, live or deleted, has the external id.</summary>
    public virtual Task<bool> ExternalIdTakenAsync(string externalId, int dealId, CancellationToken cancellationToken) =>
        Db.Deals.IgnoreQueryFilters().AnyAsync(d => d.ExternalId == externalId && d.Id != dealId, cancellationToken);
}

/// <summary>
/// The answers of <see cref="LiveRows"/> for a batch: each set is read once, on its first question, and kept in step
/// with what the batch's own saves add, change or delete. A batch holds SQLite's write lock from its first statement
/// to its end (an immediate transaction), so no other writer can change what the sets say meanwhile.
/// </summary>
internal sealed class BatchLiveRows(AiDealsDbContext db) : LiveRows(db)
{
    private HashSet<int>? _organizations;
    private HashSet<int>? _sources;
    private HashSet<int>? _deals;
    private Dictionary<string, int>? _externalIds;
    private readonly Dictionary<int, string> _externalIdOf = [];

    public override async Task<IReadOnlySet<int>> OrganizationsAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        _organizations ??= (await Db.Organizations.AsNoTracking().Select(o => o.Id).ToListAsync(cancellationToken)).ToHashSet();
        return ids.Where(_organizations.Contains).ToHashSet();
    }

    public override async Task<IReadOnlySet<int>> SourcesAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        _sources ??= (await Db.Sources.AsNoTracking().Select(s => s.Id).ToListAsync(cancellationToken)).ToHashSet();
        return ids.Where(_sources.Contains).ToHashSet();
    }

    public override async Task<bool> DealAsync(int id, CancellationToken cancellationToken)
    {
        _deals ??= (await Db.Deals.AsNoTracking().Select(d => d.Id).ToListAsync(cancellationToken)).ToHashSet();
        return _deals.Contains(id);
    }

    public override async Task<bool> ExternalIdTakenAsync(string externalId, int dealId, CancellationToken cancellationToken)
    {
        if (_externalIds is null)
        {
            _externalIds = await Db.Deals.IgnoreQueryFilters().AsNoTracking().Where(d => d.ExternalId != null)
                .ToDictionaryAsync(d => d.ExternalId!, d => d.Id, StringComparer.Ordinal, cancellationToken);
            foreach (var (key, value) in _externalIds)
            {
                _externalIdOf[value] = key;
            }
        }

        return _externalIds.TryGetValue(externalId, out var id) && id != dealId;
    }

    /// <summary>Takes in the rows a save of the batch just wrote (called after the save, before the tracker is cleared).</summary>
    public void Saw(AiDealsDbContext db)
    {
        foreach (var entry in db.ChangeTracker.Entries<EditableEntity>())
        {
            var (id, live) = (entry.Entity.Id, entry.Entity.DeletedAt is null);
            switch (entry.Entity)
            {
                case Organization:
                    Track(_organizations, id, live);
                    break;
                case Source:
                    Track(_sources, id, live);
                    break;
                case Deal deal:
                    Track(_deals, id, live);
                    TrackExternalId(id, deal.ExternalId);
                    break;
            }
        }
    }

    private static void Track(HashSet<int>? set, int id, bool live)
    {
        if (set is not null)
        {
            _ = live ? set.Add(id) : set.Remove(id);
        }
    }

    private void TrackExternalId(int id, string? externalId)
    {
        if (_externalIds is null)
        {
            return;
        }

        if (_externalIdOf.TryGetValue(id, out var old) && old != externalId)
        {
            _externalIds.Remove(old);
            _externalIdOf.Remove(id);
        }

        if (externalId is not null)
        {
            (_externalIds[externalId], _externalIdOf[id]) = (id, externalId);
        }
    }
}
