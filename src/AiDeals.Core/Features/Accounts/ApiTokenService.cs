using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AiDeals.Core.Features.Accounts;

/// <summary>A user's token as their list shows it: never the token itself, which exists only in the answer to its creation.</summary>
public sealed record ApiTokenSummary(int Id, string Name, string Prefix, DateTime CreatedAtUtc, DateTime? LastUsedAtUtc);

/// <summary>A new token (<see cref="Token"/>, to show once), or why none was made.</summary>
public sealed record ApiTokenCreation(ApiTokenSummary? Summary, string? Token, string? Error);

/// <summary>
/// The live token a bearer value names, and whose it is: with the owner's account as it is now, its concurrency stamp
/// (new after every change Identity makes to the account: a role, a lock, a password) and the end of its lockout, if any.
/// </summary>
public sealed record ApiTokenOwner(int TokenId, string TokenName, string UserId, DateTime? LastUsedAtUtc)
{
    public string? AccountStamp { get; init; }

    public DateTimeOffset? LockedOutUntil { get; init; }
}

/// <summary>
/// Creates, lists and revokes a user's own API tokens, and finds the token behind a bearer value. Each creation and
/// revocation is one account audit entry (entity type <see cref="AccountService.AuditEntityType"/>, the owner as user),
/// written in the same save as the token row; the entry names the token, never its value or hash.
/// </summary>
public sealed class ApiTokenService(IDbContextFactory<AiDealsDbContext> contexts, TimeProvider clock, ILogger<ApiTokenService> logger)
{
    /// <summary>Every token starts with this, so that a leaked one is easy to recognise in logs and secret scanners.</summary>
    public const string TokenPrefix = "aid_";

    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    /// <summary>The stored form of a token: lower-case hex SHA-256 of its text. A 256-bit random token needs no salt or slow hash.</summary>
    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token ?? string.Empty)));

    public async Task<IReadOnlyList<ApiTokenSummary>> ListAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsAuthenticated)
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ApiTokens.AsNoTracking()
            .Where(t => t.User!.UserName == actor.UserName && t.RevokedAtUtc == null)
            .OrderBy(t => t.Id)
            .Select(t => new ApiTokenSummary(t.Id, t.Name, t.Prefix, t.CreatedAtUtc, t.LastUsedAtUtc))
            .ToListAsync(cancellationToken);
    }

    public async Task<ApiTokenCreation> CreateAsync(Actor actor, string? name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var trimmed = name?.Trim() ?? string.Empty;
        var error = !actor.IsAuthenticated ? "Log in to create a token."
            : trimmed.Length == 0 ? "Give the token a name."
            : trimmed.Length > ApiTokenLimits.Name ? TextLimitAttribute.Message(ApiTokenLimits.Name, trimmed.Length)
            : trimmed.Any(char.IsControl) ? "A name cannot hold control characters."
            : null;
        if (error is not null)
        {
            return new ApiTokenCreation(null, null, error);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.SingleOrDefaultAsync(u => u.UserName == actor.UserName, cancellationToken);
        if (user is null)
        {
            return new ApiTokenCreation(null, null, "Log in to create a token.");
        }

        var live = await db.ApiTokens.Where(t => t.UserId == user.Id && t.RevokedAtUtc == null).Select(t => t.Name).ToListAsync(cancellationToken);
        if (live.Contains(trimmed, StringComparer.OrdinalIgnoreCase))
        {
            return new ApiTokenCreation(null, null, $"You already have a token named \"{trimmed}\".");
        }

        if (live.Count >= ApiTokenLimits.PerUser)
        {
            return new ApiTokenCreation(null, null, $"You have {ApiTokenLimits.PerUser} tokens: revoke one you no longer use first.");
        }

        var token = TokenPrefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        var row = new ApiToken
        {
            UserId = user.Id,
            Name = trimmed,
            TokenHash = Hash(token),
            Prefix = token[..ApiTokenLimits.Prefix],
            CreatedAtUtc = now,
        };
        db.ApiTokens.Add(row);
        db.AuditEntries.Add(Audit(user.Id, actor.UserName, now, old: null, @new: trimmed, "API token created"));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("{UserName} created the API token {TokenName}", actor.UserName, trimmed);
        return new ApiTokenCreation(new ApiTokenSummary(row.Id, row.Name, row.Prefix, row.CreatedAtUtc, null), token, null);
    }

    /// <summary>Revokes one of the actor's own live tokens; false when the actor has no such token.</summary>
    public async Task<bool> RevokeAsync(Actor actor, int tokenId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsAuthenticated)
        {
            return false;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.ApiTokens
            .SingleOrDefaultAsync(t => t.Id == tokenId && t.User!.UserName == actor.UserName && t.RevokedAtUtc == null, cancellationToken);
        if (row is null)
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        row.RevokedAtUtc = now;
        db.AuditEntries.Add(Audit(row.UserId, actor.UserName, now, old: row.Name, @new: null, "API token revoked"));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("{UserName} revoked the API token {TokenName}", actor.UserName, row.Name);
        return true;
    }

    /// <summary>The live token with this value, or null (unknown, malformed or revoked).</summary>
    public async Task<ApiTokenOwner?> FindAsync(string token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token) || !token.StartsWith(TokenPrefix, StringComparison.Ordinal) || token.Length > 100)
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await OwnerByHash(db, Hash(token), cancellationToken);
    }

    // Compiled once: every API call with a token runs it, and EF's translation of a query each time was half of what a
    // call answered from the API's read cache cost. The account in the same read: a token whose account is gone names nobody.
    private static readonly Func<AiDealsDbContext, string, CancellationToken, Task<ApiTokenOwner?>> OwnerByHash =
        EF.CompileAsyncQuery((AiDealsDbContext db, string hash, CancellationToken cancellationToken) => db.ApiTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash && t.RevokedAtUtc == null)
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new ApiTokenOwner(t.Id, t.Name, t.UserId, t.LastUsedAtUtc)
            {
                AccountStamp = u.ConcurrencyStamp,
                LockedOutUntil = u.LockoutEnabled ? u.LockoutEnd : null,
            })
            .SingleOrDefault());

    /// <summary>Notes that the token was used now, unless that was noted less than a minute ago.</summary>
    public async Task TouchAsync(ApiTokenOwner owner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var now = clock.GetUtcNow().UtcDateTime;
        if (owner.LastUsedAtUtc is { } last && now - last < LastUsedResolution)
        {
            return;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.ApiTokens.Where(t => t.Id == owner.TokenId)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.LastUsedAtUtc, now), cancellationToken);
    }

    private static AuditEntry Audit(string userId, string actor, DateTime now, string? old, string? @new, string reason) => new()
    {
        EntityType = AccountService.AuditEntityType,
        EntityId = userId,
        Action = AuditAction.Updated,
        AtUtc = now,
        User = actor,
        Reason = reason,
        Changes = JsonSerializer.Serialize(new Dictionary<string, object> { ["ApiToken"] = new { old, @new } }),
    };

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
