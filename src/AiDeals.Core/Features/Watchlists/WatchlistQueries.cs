using AiDeals.Core.Data;
using AiDeals.Core.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Watchlists;

/// <summary>A record an analyst watches, named for their list; <see cref="Exists"/> is false once it is deleted.</summary>
public sealed record WatchedSummary(int WatchId, RecordKind Kind, int RecordId, string Name, string? Slug, bool Exists);

/// <summary>The private link of a watchlist's feed as its owner sees it: never the token, only its first characters.</summary>
public sealed record WatchFeedSummary(string Prefix, DateTime CreatedAtUtc);

/// <summary>What an analyst watches, whether they watch one record, and the owner behind a feed token.</summary>
public sealed class WatchlistQueries(IDbContextFactory<AiDealsDbContext> contexts)
{
    /// <summary>The id of the actor's watch of this record (to unwatch it), or null when they do not watch it.</summary>
    public async Task<int?> WatchIdAsync(Actor actor, RecordKind kind, int recordId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.CanEdit)
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.WatchedRecords.AsNoTracking()
            .Where(w => w.Owner == actor.UserName && w.Kind == kind && w.RecordId == recordId)
            .Select(w => (int?)w.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Everything the actor watches: organizations, then deals, each by name.</summary>
    public async Task<IReadOnlyList<WatchedSummary>> ListAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.CanEdit)
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var watched = await db.WatchedRecords.AsNoTracking().Where(w => w.Owner == actor.UserName).ToListAsync(cancellationToken);
        var dealIds = watched.Where(w => w.Kind == RecordKind.Deal).Select(w => w.RecordId).ToList();
        var organizationIds = watched.Where(w => w.Kind == RecordKind.Organization).Select(w => w.RecordId).ToList();
        var deals = await db.Deals.IgnoreQueryFilters().AsNoTracking().Where(d => dealIds.Contains(d.Id))
            .ToDictionaryAsync(d => d.Id, d => (Name: d.Title, Slug: (string?)null, Exists: d.DeletedAt == null), cancellationToken);
        var organizations = await db.Organizations.IgnoreQueryFilters().AsNoTracking().Where(o => organizationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => (o.Name, Slug: (string?)o.Slug, Exists: o.DeletedAt == null), cancellationToken);
        return watched
            .Select(w =>
            {
                var found = (w.Kind == RecordKind.Deal ? deals : organizations).TryGetValue(w.RecordId, out var record);
                return found
                    ? new WatchedSummary(w.Id, w.Kind, w.RecordId, record.Name, record.Slug, record.Exists)
                    : new WatchedSummary(w.Id, w.Kind, w.RecordId, $"{w.Kind} #{w.RecordId}", null, false);
            })
            .OrderBy(w => w.Kind == RecordKind.Deal)
            .ThenBy(w => w.Name, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
    }

    /// <summary>The actor's feed link, if they made one and have not revoked it.</summary>
    public async Task<WatchFeedSummary?> FeedAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Watchlists.AsNoTracking()
            .Where(w => w.Owner == actor.UserName && w.FeedTokenHash != null)
            .Select(w => new WatchFeedSummary(w.FeedTokenPrefix!, DateTime.SpecifyKind(w.FeedCreatedAtUtc!.Value, DateTimeKind.Utc)))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The owner of the watchlist whose feed this token opens, or null (unknown, malformed or revoked).</summary>
    public async Task<string?> FeedOwnerAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token) || !token.StartsWith(CreateWatchFeed.TokenPrefix, StringComparison.Ordinal) || token.Length > 100)
        {
            return null;
        }

        var hash = ApiTokenService.Hash(token);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Watchlists.AsNoTracking()
            .Where(w => w.FeedTokenHash == hash)
            .Select(w => w.Owner)
            .FirstOrDefaultAsync(cancellationToken);
    }
}
