namespace AiDeals.Core.Features;

/// <summary>A command that adds one row (with its child rows): the runner checks, applies and saves.</summary>
public abstract class CreateCommand<TRow> : Command
    where TRow : Domain.EditableEntity
{
    private TRow? _row;

    /// <summary>The rules that read the database (live references, unique names).</summary>
    protected virtual Task CheckAsync(CommandScope scope) => Task.CompletedTask;

    /// <summary>The new row, filled from the command, not yet added to the context.</summary>
    protected abstract TRow Create();

    protected internal sealed override async Task<CommandResult?> PrepareAsync(CommandScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await CheckAsync(scope);
        if (!scope.Errors.Any)
        {
            _row = Create();
            scope.Db.Add(_row);
        }

        return null;
    }

    protected internal sealed override CommandResult Saved() =>
        CommandResult.Saved(_row!.Id, _row.Version);

    // A new row has no earlier version to conflict with; a unique index that another save filled first is an error.
    protected internal sealed override Task<CommandResult> ConcurrentSaveAsync(Data.AiDealsDbContext fresh, CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"Adding a {typeof(TRow).Name} cannot meet a concurrent change.");
}
