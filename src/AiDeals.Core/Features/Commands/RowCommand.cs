using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features;

/// <summary>
/// A command on one stored row (update, delete, restore): the runner loads the row by <see cref="Id"/>, answers not
/// found or the conflict when the caller's <see cref="Version"/> is not the stored one, then checks, applies and saves.
/// </summary>
public abstract class RowCommand<TRow>(int id, int? version) : Command
    where TRow : EditableEntity
{
    private TRow? _row;

    public int Id { get; } = id;

    /// <summary>The version the caller saw; null for a command that does not care (restoring a deleted record).</summary>
    public int? Version { get; } = version;

    /// <summary>Whether a deleted row is found too (a restore).</summary>
    protected virtual bool FindsDeleted => false;

    /// <summary>The rows to load from, with the child rows the command changes.</summary>
    protected virtual IQueryable<TRow> Load(IQueryable<TRow> rows) => rows;

    /// <summary>The rules that read the database, once the row is loaded at the caller's version.</summary>
    protected virtual Task CheckAsync(CommandScope scope, TRow row) => Task.CompletedTask;

    /// <summary>The change, on the tracked row; a row that is left unchanged is not saved.</summary>
    protected abstract Task ApplyAsync(CommandScope scope, TRow row);

    /// <summary>The conflict for the row as it is stored now: who saved it last, and its values by field.</summary>
    protected abstract Task<ConflictInfo> DescribeConflictAsync(AiDealsDbContext db, int id, CancellationToken cancellationToken);

    protected internal sealed override async Task<CommandResult?> PrepareAsync(CommandScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var rows = FindsDeleted ? scope.Db.Set<TRow>().IgnoreQueryFilters() : scope.Db.Set<TRow>();
        _row = await Load(rows).SingleOrDefaultAsync(r => r.Id == Id, scope.CancellationToken);
        if (_row is null)
        {
            return CommandResult.NotFound;
        }

        if (Version is { } version && _row.Version != version)
        {
            return CommandResult.Conflicted(await DescribeConflictAsync(scope.Db, Id, scope.CancellationToken));
        }

        await CheckAsync(scope, _row);
        if (!scope.Errors.Any)
        {
            await ApplyAsync(scope, _row);
        }

        return null;
    }

    protected internal sealed override CommandResult Saved() => CommandResult.Saved(_row!.Id, _row.Version);

    protected internal sealed override async Task<CommandResult> ConcurrentSaveAsync(AiDealsDbContext fresh, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fresh);
        return await fresh.Set<TRow>().IgnoreQueryFilters().AnyAsync(r => r.Id == Id, cancellationToken)
            ? CommandResult.Conflicted(await DescribeConflictAsync(fresh, Id, cancellationToken))
            : CommandResult.NotFound;
    }
}
