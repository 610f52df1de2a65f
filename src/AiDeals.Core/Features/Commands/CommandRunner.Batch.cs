using AiDeals.Core.Data;
using AiDeals.Core.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features;

// Many commands in one transaction, saved in groups: an import of 100,000 rows is 100,000 commands.
public sealed partial class CommandRunner
{
    /// <summary>
    /// Runs <paramref name="commands"/> in one context and one transaction, each through the same steps as
    /// <see cref="RunAsync"/>, audited as the actor with <see cref="CommandBatch.Label"/> on every entry. The sequence
    /// is read one command at a time; up to <see cref="CommandBatch.GroupSize"/> commands that passed their checks are
    /// saved together, and <see cref="CommandBatch.OnResult"/> hears each outcome once its group is saved (a command that
    /// fails its checks is heard at once). The checks ask <see cref="LiveRows"/> from sets read once for the batch.
    /// The batch commits only when every command saved and <see cref="CommandBatch.Commit"/> is set; otherwise it rolls
    /// back whole: nothing written, audited or announced.
    /// </summary>
    public async Task<BatchResult> RunBatchAsync(Actor actor, CommandBatch batch, IEnumerable<Command> commands, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(commands);
        await using var db = await contexts.CreateForAsync(actor, reason: null, cancellationToken);
        db.InBatch(batch.Label);
        var run = new BatchRun(db, actor, batch, new BatchLiveRows(db), cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var triggersAside = batch.Bulk ? await TriggersAside.SetAsideAsync(db, cancellationToken) : null;
        foreach (var command in commands)
        {
            if (ReferenceEquals(command, CommandBatch.SaveHere))
            {
                if (!await run.SaveGroupAsync())
                {
                    return run.Result(committed: false, stopped: true);
                }

                continue;
            }

            if (!await run.AddAsync(command))
            {
                return run.Result(committed: false, stopped: true);
            }
        }

        if (!await run.SaveGroupAsync())
        {
            return run.Result(committed: false, stopped: true);
        }

        if (run.Failed > 0 || !batch.Commit || batch.Confirm?.Invoke() == false)
        {
            return run.Result(committed: false, stopped: false);
        }

        if (triggersAside is not null)
        {
            await triggersAside.RestoreAsync(batch.Label, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        if (db.Changes is { } change)
        {
            notifier.Publish(change);
        }

        return run.Result(committed: true, stopped: false);
    }

    /// <summary>
    /// Authorize, validate and prepare in the batch's context: null when the command is ready to save. A command applies
    /// its change only when its checks pass (<see cref="CreateCommand{TRow}"/>, <see cref="RowCommand{TRow}"/>), so one
    /// that fails leaves nothing for its group's save.
    /// </summary>
    private static async Task<CommandResult?> PrepareInBatchAsync(AiDealsDbContext db, Actor actor, Command command, LiveRows live, CancellationToken cancellationToken)
    {
        if (Refusal(actor, command) is { } refused)
        {
            return refused;
        }

        db.ActFor(actor.UserName, command.Reason);
        var scope = new CommandScope(db, actor, cancellationToken, live);
        if (await command.PrepareAsync(scope) is { } stop)
        {
            return stop;
        }

        return scope.Errors.Any ? scope.Errors.ToResult() : null;
    }

    /// <summary>One command with its own save, as <see cref="RunAsync"/> does it but in the batch's context.</summary>
    private static async Task<CommandResult> RunAloneInBatchAsync(AiDealsDbContext db, Actor actor, Command command, BatchLiveRows live, CancellationToken cancellationToken)
    {
        if (await PrepareInBatchAsync(db, actor, command, live, cancellationToken) is { } stop)
        {
            return stop;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            live.Saw(db);
            return command.Saved();
        }
        catch (DbUpdateConcurrencyException)
        {
            // The batch's own context reads what the batch wrote so far, which is what the command met.
            db.ChangeTracker.Clear();
            return await command.ConcurrentSaveAsync(db, cancellationToken);
        }
        catch (DbUpdateException exception)
        {
            db.ChangeTracker.Clear();
            if (await command.SaveRefusedAsync(db, exception, cancellationToken) is { } refused)
            {
                return refused;
            }

            throw;
        }
    }

    /// <summary>The state of one batch: the group waiting for its save and the counts.</summary>
    private sealed class BatchRun(AiDealsDbContext db, Actor actor, CommandBatch batch, BatchLiveRows live, CancellationToken cancellationToken)
    {
        private readonly List<Command> _group = [];
        private int _run;

        public int Failed { get; private set; }

        public BatchResult Result(bool committed, bool stopped) => new(committed, _run, Failed, stopped);

        /// <summary>Prepares the command into the group (saving the group when full); false when the batch must stop.</summary>
        public async Task<bool> AddAsync(Command command)
        {
            _run++;
            // The audit writes one reason per save: a command with another reason starts a new group.
            if (_group.Count > 0 && _group[0].Reason != command.Reason && !await SaveGroupAsync())
            {
                return false;
            }

            if (batch.GroupSize <= 1)
            {
                var alone = await RunAloneInBatchAsync(db, actor, command, live, cancellationToken);
                db.ChangeTracker.Clear();
                return Heard(command, alone);
            }

            if (await PrepareInBatchAsync(db, actor, command, live, cancellationToken) is { } stop)
            {
                // The outcomes are heard in the order of the commands: the group's before this one's.
                return await SaveGroupAsync() && Heard(command, stop);
            }

            _group.Add(command);
            return _group.Count < batch.GroupSize || await SaveGroupAsync();
        }

        /// <summary>Saves the group and tells each command's outcome; false when the batch must stop.</summary>
        public async Task<bool> SaveGroupAsync()
        {
            if (_group.Count == 0)
            {
                return true;
            }

            var group = _group.ToList();
            _group.Clear();
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                live.Saw(db);
                var results = group.Select(c => c.Saved()).ToList();
                db.ChangeTracker.Clear();
                return group.Zip(results).All(pair => Heard(pair.First, pair.Second));
            }
            catch (DbUpdateException)
            {
                // The database refused the group (a unique index another command of it filled, a concurrent change): the
                // failed save rolled back to its savepoint, so each command runs again alone and meets it as it would alone.
                db.ChangeTracker.Clear();
                foreach (var command in group)
                {
                    var result = await RunAloneInBatchAsync(db, actor, command, live, cancellationToken);
                    db.ChangeTracker.Clear();
                    if (!Heard(command, result))
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        /// <summary>Tells the caller; false when the outcome stops the batch.</summary>
        private bool Heard(Command command, CommandResult result)
        {
            batch.OnResult?.Invoke(command, result);
            return result.IsSaved || (++Failed < batch.MaxFailures && result.Outcome != CommandOutcome.Forbidden);
        }
    }
}

