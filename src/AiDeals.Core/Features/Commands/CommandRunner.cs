using AiDeals.Core.Data;
using AiDeals.Core.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features;

/// <summary>
/// Runs every write the same way, whoever calls (an editor, the API, import, news intake): authorize → validate →
/// load by version → check → apply → save or conflict → notify. Expected outcomes come back as a
/// <see cref="CommandResult"/>; the audit entries are written by the save itself, in its transaction.
/// </summary>
public sealed partial class CommandRunner(IDbContextFactory<AiDealsDbContext> contexts, ChangeNotifier notifier)
{
    /// <summary>The checks that need no database, alike for one command and a batch's: the caller's role, then the input.</summary>
    private static CommandResult? Refusal(Actor actor, Command command)
    {
        if (!command.Allows(actor))
        {
            return CommandResult.Forbidden;
        }

        var errors = new FieldErrors();
        command.Validate(errors);
        return errors.Any ? errors.ToResult() : null;
    }

    public async Task<CommandResult> RunAsync(Actor actor, Command command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(command);
        if (Refusal(actor, command) is { } refusal)
        {
            return refusal;
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
}
