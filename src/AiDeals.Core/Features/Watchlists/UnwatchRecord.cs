using AiDeals.Core.Data;

namespace AiDeals.Core.Features.Watchlists;

/// <summary>Stops watching: one of the actor's own watches, by its id.</summary>
public sealed class UnwatchRecord(int watchId) : RowCommand<WatchedRecord>(watchId, version: null)
{
    protected override Task CheckAsync(CommandScope scope, WatchedRecord row)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(row);
        if (row.Owner != scope.Actor.UserName)
        {
            scope.Errors.Add(string.Empty, "Only the analyst who watches a record can stop watching it.");
        }

        return Task.CompletedTask;
    }

    protected override Task ApplyAsync(CommandScope scope, WatchedRecord row)
    {
        ArgumentNullException.ThrowIfNull(scope);
        scope.Db.Remove(row);
        return Task.CompletedTask;
    }

    // Only a second unwatch of the same row races this one; the watch is gone either way.
    protected override Task<ConflictInfo> DescribeConflictAsync(AiDealsDbContext db, int id, CancellationToken cancellationToken) =>
        Task.FromResult(new ConflictInfo(null, null, 0, new Dictionary<string, string?>()));
}
