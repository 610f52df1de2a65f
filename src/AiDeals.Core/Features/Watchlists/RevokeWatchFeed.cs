namespace AiDeals.Core.Features.Watchlists;

/// <summary>Revokes the private link of the actor's watchlist feed: its readers get 404 from then on.</summary>
public sealed class RevokeWatchFeed : WatchlistCommand
{
    protected override bool CreatesRow => false;

    protected override Task ApplyAsync(CommandScope scope, Watchlist row)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(row);
        if (row.FeedTokenHash is null)
        {
            scope.Errors.Add(string.Empty, "Your watchlist has no feed link.");
        }

        row.FeedTokenHash = null;
        row.FeedTokenPrefix = null;
        row.FeedCreatedAtUtc = null;
        return Task.CompletedTask;
    }
}
