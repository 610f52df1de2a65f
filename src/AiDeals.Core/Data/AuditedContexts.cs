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
        db.ActFor(actor.UserName, WithVia(reason, actor.Via));
        return db;
    }

    /// <summary>The reason with how the actor came in: "Fix the amount (via API token "nightly")", within the column's limit.</summary>
    internal static string? WithVia(string? reason, string? via)
    {
        if (string.IsNullOrWhiteSpace(via))
        {
            return reason;
        }

        var suffix = $"via {via}";
        if (string.IsNullOrWhiteSpace(reason))
        {
            return suffix;
        }

        var room = Domain.AuditLimits.Reason - suffix.Length - 3;
        var text = reason.Trim();
        return $"{(text.Length > room ? text[..room] : text)} ({suffix})";
    }
}
