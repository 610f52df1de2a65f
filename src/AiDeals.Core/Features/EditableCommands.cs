using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features;

/// <summary>The steps that every command on one editable row shares: load it for a change, and save it.</summary>
internal static class EditableCommands
{
    /// <summary>
    /// The row to delete or restore, or the result to stop with: NotFound when there is none, the conflict when the
    /// caller's <paramref name="version"/> is not the stored one. A restore passes <paramref name="includeDeleted"/>.
    /// Exactly one of the two is set.
    /// </summary>
    public static async Task<(T? Row, CommandResult? Stop)> LoadAsync<T>(
        AiDealsDbContext db,
        int id,
        int version,
        bool includeDeleted,
        Func<AiDealsDbContext, int, CancellationToken, Task<ConflictInfo>> conflict,
        CancellationToken cancellationToken)
        where T : EditableEntity
    {
        var rows = includeDeleted ? db.Set<T>().IgnoreQueryFilters() : db.Set<T>();
        var row = await rows.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (row is null)
        {
            return (null, CommandResult.NotFound);
        }

        return row.Version == version
            ? (row, null)
            : (null, CommandResult.Conflicted(await conflict(db, id, cancellationToken)));
    }

    /// <summary>
    /// Saves; when another save got there between the read and the write, the conflict as the row stands now (read
    /// afresh), or NotFound when the row is gone.
    /// </summary>
    public static async Task<CommandResult> SaveAsync<T>(
        IDbContextFactory<AiDealsDbContext> contextFactory,
        AiDealsDbContext db,
        T row,
        Func<AiDealsDbContext, int, CancellationToken, Task<ConflictInfo>> conflict,
        CancellationToken cancellationToken)
        where T : EditableEntity
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.Saved(row.Id, row.Version);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await contextFactory.CreateDbContextAsync(cancellationToken);
            var exists = await fresh.Set<T>().IgnoreQueryFilters().AnyAsync(r => r.Id == row.Id, cancellationToken);
            return exists ? CommandResult.Conflicted(await conflict(fresh, row.Id, cancellationToken)) : CommandResult.NotFound;
        }
    }
}
