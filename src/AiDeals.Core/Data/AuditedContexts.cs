using AiDeals.Core.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Data;

/// <summary>The one place where a context that may save is created: for an actor, whose name the audit writes.</summary>
public static class AuditedContexts
{
    /// <summary>
    /// A context whose saves are audited as <paramref name="actor"/>'s, with an optional <paramref name="reason"/>.
    /// A context from <see cref="IDbContextFactory{TContext}.CreateDbContextAsync"/> reads, and refuses to save
    /// audited rows.
    /// </summary>
    public static async Task<AiDealsDbContext> CreateForAsync(
        this IDbContextFactory<AiDealsDbContext> contexts, Actor actor, string? reason = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsAuthenticated)
        {
            throw new ArgumentException("An anonymous caller cannot change data.", nameof(actor));
        }

        var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ActFor(actor.UserName, reason);
        return db;
    }
}
