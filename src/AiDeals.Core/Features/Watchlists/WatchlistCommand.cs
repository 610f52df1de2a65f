using AiDeals.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Watchlists;

/// <summary>A change to the actor's own watchlist settings (seen marker, feed token); the row is made on first use.</summary>
public abstract class WatchlistCommand : Command
{
    private Watchlist? _row;

    /// <summary>Whether the command makes the row when the actor has none yet (false: nothing to change, not found).</summary>
    protected virtual bool CreatesRow => true;

    /// <summary>The change, on the tracked row.</summary>
    protected abstract Task ApplyAsync(CommandScope scope, Watchlist row);

    protected internal sealed override async Task<CommandResult?> PrepareAsync(CommandScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var owner = scope.Actor.UserName;
        _row = await scope.Db.Watchlists.SingleOrDefaultAsync(w => w.Owner == owner, scope.CancellationToken);
        if (_row is null)
        {
            if (!CreatesRow)
            {
                return CommandResult.NotFound;
            }

            _row = new Watchlist { Owner = owner };
            scope.Db.Watchlists.Add(_row);
        }

        await ApplyAsync(scope, _row);
        return null;
    }

    protected internal sealed override CommandResult Saved() => CommandResult.Saved(_row!.Id, _row.Version);

    // Two windows of the same analyst saved at once; the second tries again from what the first saved.
    protected internal sealed override Task<CommandResult> ConcurrentSaveAsync(AiDealsDbContext fresh, CancellationToken cancellationToken) =>
        Task.FromResult(TryAgain);

    protected internal sealed override Task<CommandResult?> SaveRefusedAsync(AiDealsDbContext fresh, DbUpdateException exception, CancellationToken cancellationToken) =>
        Task.FromResult<CommandResult?>(TryAgain);

    private static CommandResult TryAgain => CommandResult.Invalid(string.Empty, "Your watchlist changed in another window: try again.");
}
