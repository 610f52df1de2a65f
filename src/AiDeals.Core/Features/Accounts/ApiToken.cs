namespace AiDeals.Core.Features.Accounts;

/// <summary>
/// A personal API token: a script sends it as <c>Authorization: Bearer …</c> and acts as the token's owner, with the
/// owner's role at the time of the call. Only the token's SHA-256 hash is stored; the token itself is shown once.
/// </summary>
public class ApiToken
{
    public int Id { get; set; }

    public required string UserId { get; set; }

    public AppUser? User { get; set; }

    /// <summary>What the owner calls it ("nightly export"), unique among the owner's live tokens.</summary>
    public required string Name { get; set; }

    /// <summary>Lower-case hex SHA-256 of the whole token text.</summary>
    public required string TokenHash { get; set; }

    /// <summary>The token's first characters, so that its owner can tell which one a listed token is.</summary>
    public required string Prefix { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Updated at most once a minute, so that a busy script does not write on every call.</summary>
    public DateTime? LastUsedAtUtc { get; set; }

    public DateTime? RevokedAtUtc { get; set; }
}

/// <summary>Lengths shared by the columns and the form.</summary>
public static class ApiTokenLimits
{
    public const int Name = 100;
    public const int Prefix = 12;

    /// <summary>Live tokens one user may hold: enough for every script, few enough to review on one page.</summary>
    public const int PerUser = 20;
}

/// <summary>Claims the token's authentication adds to the owner's principal.</summary>
public static class ApiTokenClaims
{
    public const string TokenId = "aideals:token_id";
    public const string TokenName = "aideals:token_name";
}
