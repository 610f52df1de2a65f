using AiDeals.Core.Data;
using AiDeals.Core.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features;

/// <summary>
/// One write use case (create a deal, merge two organizations, ...). <see cref="CommandRunner"/> runs every command
/// the same way: authorize → validate → load by version → check against the database → apply → save or conflict →
/// notify. A command says only what is its own: who may run it, its rules and its change.
/// </summary>
/// <remarks>
/// Most commands derive from <see cref="CreateCommand{TRow}"/> or <see cref="RowCommand{TRow}"/>; a command of another
/// shape (a merge of two rows) overrides the steps here itself.
/// </remarks>
public abstract class Command
{
    /// <summary>Who may run it: analysts and admins, unless the command says otherwise.</summary>
    public virtual bool Allows(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.CanEdit;
    }

    /// <summary>The reason the audit writes beside every change of this command, if any.</summary>
    public virtual string? Reason => null;

    /// <summary>The rules that need no database: the form's annotations and the rules between its fields.</summary>
    public virtual void Validate(FieldErrors errors)
    {
    }

    /// <summary>
    /// Loads what the command changes (checking the caller's version), checks the rules that read the database and
    /// applies the change to the tracked rows, without saving. Returns the result to stop with (not found, a conflict),
    /// or null to go on: the runner then answers the errors added to <see cref="CommandScope.Errors"/> or saves.
    /// </summary>
    protected internal abstract Task<CommandResult?> PrepareAsync(CommandScope scope);

    /// <summary>What the save made: the saved record's id and version.</summary>
    protected internal abstract CommandResult Saved();

    /// <summary>
    /// Another save got in between the load and the save: the conflict as the record stands now, read from
    /// <paramref name="fresh"/>, or not found when it is gone.
    /// </summary>
    protected internal abstract Task<CommandResult> ConcurrentSaveAsync(AiDealsDbContext fresh, CancellationToken cancellationToken);

    /// <summary>
    /// The database refused the save for a rule it enforces itself, such as a unique index that another save filled
    /// between the check and the save: the errors to answer, read from <paramref name="fresh"/>, or null to let the
    /// exception go on as unexpected.
    /// </summary>
    protected internal virtual Task<CommandResult?> SaveRefusedAsync(AiDealsDbContext fresh, DbUpdateException exception, CancellationToken cancellationToken) =>
        Task.FromResult<CommandResult?>(null);
}
