using AiDeals.Core.Data;
using AiDeals.Core.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features;

/// <summary>
/// Runs every write the same way, whoever calls (an editor, the API, import, news intake): authorize → validate →
/// load by version → check → apply → save or conflict → notify. Expected outcomes come back as a
/// <see cref="CommandResult"/>; the audit entries are written by the save itself, in its transaction.
/// </summary>
public sealed class CommandRunner(IDbContextFactory<AiDealsDbContext> contexts, ChangeNotifier notifier)
{
    public async Task<CommandResult> RunAsync(Actor actor, Command command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(command);
        if (!command.Allows(actor))
        {
            return CommandResult.Forbidden;
        }

        var errors = new FieldErrors();
        command.Validate(errors);
        if (errors.Any)
        {
            return errors.ToResult();
        }

        await using var db = await contexts.CreateForAsync(actor, command.Reason, cancellationToken);
        var scope = new CommandScope(db, actor, cancellationToken);
        if (await command.PrepareAsync(scope) is { } stop)
        {
            return stop;
        }

        if (scope.Errors.Any)
        {
            return scope.Errors.ToResult();
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await contexts.CreateDbContextAsync(cancellationToken);
            return await command.ConcurrentSaveAsync(fresh, cancellationToken);
        }
        catch (DbUpdateException exception)
        {
            await using var fresh = await contexts.CreateDbContextAsync(cancellationToken);
            if (await command.SaveRefusedAsync(fresh, exception, cancellationToken) is { } refused)
            {
                return refused;
            }

            throw;
        }

        if (db.Changes is { } change)
        {
            notifier.Publish(change);
        }

        return command.Saved();
    }

    /// <summary>
    /// Runs <paramref name="commands"/> in one context and one transaction, each through the same steps as
    /// <see cref="RunAsync"/>, audited as the actor with <see cref="CommandBatch.Label"/> on every entry. The sequence
    /// is read one command at a time, after the previous one ran, so a later command can use the ids an earlier one
    /// saved (<see cref="CommandBatch.OnResult"/> hears each outcome). The batch commits only when every command saved and
    /// <see cref="CommandBatch.Commit"/> is set; otherwise it rolls back whole: nothing written, audited or announced.
    /// </summary>
    public async Task<BatchResult> RunBatchAsync(Actor actor, CommandBatch batch, IEnumerable<Command> commands, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(commands);
        await using var db = await contexts.CreateForAsync(actor, reason: null, cancellationToken);
        db.InBatch(batch.Label);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        int run = 0, failed = 0;
        foreach (var command in commands)
        {
            run++;
            var result = await RunInBatchAsync(db, actor, command, cancellationToken);
            db.ChangeTracker.Clear();
            batch.OnResult?.Invoke(command, result);
            if (!result.IsSaved && ++failed >= batch.MaxFailures || result.Outcome == CommandOutcome.Forbidden)
            {
                return new BatchResult(Committed: false, run, failed, Stopped: true);
            }
        }

        if (failed > 0 || !batch.Commit || batch.Confirm?.Invoke() == false)
        {
            return new BatchResult(Committed: false, run, failed, Stopped: false);
        }

        await transaction.CommitAsync(cancellationToken);
        if (db.Changes is { } change)
        {
            notifier.Publish(change);
        }

        return new BatchResult(Committed: true, run, failed, Stopped: false);
    }

    private static async Task<CommandResult> RunInBatchAsync(AiDealsDbContext db, Actor actor, Command command, CancellationToken cancellationToken)
    {
        if (!command.Allows(actor))
        {
            return CommandResult.Forbidden;
        }

        var errors = new FieldErrors();
        command.Validate(errors);
        if (errors.Any)
        {
            return errors.ToResult();
        }

        db.ActFor(actor.UserName, command.Reason);
        var scope = new CommandScope(db, actor, cancellationToken);
        if (await command.PrepareAsync(scope) is { } stop)
        {
            return stop;
        }

        if (scope.Errors.Any)
        {
            return scope.Errors.ToResult();
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
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
}

/// <summary>
/// How <see cref="CommandRunner.RunBatchAsync"/> runs a batch: the label written on each of its audit entries, whether it
/// commits (false: a dry run that checks everything and rolls back), how many failed commands stop it, and who hears
/// each command's outcome.
/// </summary>
public sealed record CommandBatch(string Label, bool Commit = true, int MaxFailures = 1)
{
    public Action<Command, CommandResult>? OnResult { get; init; }

    /// <summary>Asked once every command saved: false rolls the batch back (the caller found problems of its own on the way).</summary>
    public Func<bool>? Confirm { get; init; }
}

/// <summary>What a batch did: committed or not, how many commands ran and failed, and whether it stopped early.</summary>
public sealed record BatchResult(bool Committed, int Run, int Failed, bool Stopped);
