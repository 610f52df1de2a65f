using AiDeals.Core.Data;

namespace AiDeals.Core.Features;

/// <summary>
/// How <see cref="CommandRunner.RunBatchAsync"/> runs a batch: the label written on each of its audit entries, whether it
/// commits (false: a dry run that checks everything and rolls back), how many failed commands stop it, how many
/// commands one save writes, and who hears each command's outcome.
/// </summary>
public sealed record CommandBatch(string Label, bool Commit = true, int MaxFailures = 1)
{
    /// <summary>
    /// A marker in the sequence of commands, not a command: the commands before it are saved, and their outcomes heard,
    /// before the sequence is read further, so that the commands after it can use the ids those saves gave.
    /// </summary>
    public static Command SaveHere { get; } = new SaveMarker();

    public Action<Command, CommandResult>? OnResult { get; init; }

    /// <summary>Asked once every command saved: false rolls the batch back (the caller found problems of its own on the way).</summary>
    public Func<bool>? Confirm { get; init; }

    /// <summary>
    /// How many commands one save writes at most (1: each command its own save). A command's outcome is heard once its
    /// group is saved; a command that needs the id of an earlier one of the same group must come after <see cref="SaveHere"/>.
    /// </summary>
    public int GroupSize { get; init; } = 1;

    /// <summary>
    /// A large batch: the triggers that keep derived data are set aside while it writes; before it commits, the
    /// aggregates are recomputed in one pass (a pass over every deal, so worth it only when the batch writes thousands
    /// of rows) and the sort keys and search entries of the deals it touched written once (see <see cref="TriggersAside"/>).
    /// </summary>
    public bool Bulk { get; init; }

    private sealed class SaveMarker : Command
    {
        public override bool Allows(Accounts.Actor actor) => false;

        protected internal override Task<CommandResult?> PrepareAsync(CommandScope scope) => throw Misused();

        protected internal override CommandResult Saved() => throw Misused();

        protected internal override Task<CommandResult> ConcurrentSaveAsync(AiDealsDbContext fresh, CancellationToken cancellationToken) => throw Misused();

        private static InvalidOperationException Misused() => new("CommandBatch.SaveHere marks a save in a batch; it is not run.");
    }
}

/// <summary>What a batch did: committed or not, how many commands ran and failed, and whether it stopped early.</summary>
public sealed record BatchResult(bool Committed, int Run, int Failed, bool Stopped);
