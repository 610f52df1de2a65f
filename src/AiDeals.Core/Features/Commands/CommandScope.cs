using AiDeals.Core.Data;
using AiDeals.Core.Features.Accounts;

namespace AiDeals.Core.Features;

/// <summary>What a command works with while it runs: a context audited as the actor, the errors it adds, the token.</summary>
public sealed class CommandScope(AiDealsDbContext db, Actor actor, CancellationToken cancellationToken)
{
    public AiDealsDbContext Db { get; } = db;

    public Actor Actor { get; } = actor;

    public FieldErrors Errors { get; } = new();

    public CancellationToken CancellationToken { get; } = cancellationToken;
}
