using AiDeals.Core.Data;
using AiDeals.Core.Features.Accounts;

namespace AiDeals.Core.Features;

/// <summary>What a command works with while it runs: a context audited as the actor, the errors it adds, the token.</summary>
public sealed class CommandScope(AiDealsDbContext db, Actor actor, CancellationToken cancellationToken, LiveRows? live = null)
{
    public AiDealsDbContext Db { get; } = db;

    /// <summary>Which rows are live, for the checks: by query, or from a batch's sets.</summary>
    public LiveRows Live { get; } = live ?? new LiveRows(db);

    public Actor Actor { get; } = actor;

    public FieldErrors Errors { get; } = new();

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>
    /// Sets the reason the audit writes beside this command's changes, for a command whose reason is known only once
    /// its rows are loaded ("Merged X into Y").
    /// </summary>
    public void Because(string reason) => Db.ActFor(Actor.UserName, reason);
}
