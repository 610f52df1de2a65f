namespace AiDeals.Core.Features.Accounts;

/// <summary>One account as the user list shows it. <see cref="Role"/> is null for an account with no role.</summary>
public sealed record UserSummary(
    string Id,
    string UserName,
    string? DisplayName,
    string? Role,
    DateTimeOffset? LockedUntil)
{
    /// <summary>Locks that run this long are an admin's lock, not the 5 minutes after failed logins.</summary>
    private static readonly TimeSpan AdminLockThreshold = TimeSpan.FromDays(365);

    public bool IsLockedOut(DateTimeOffset now) => LockedUntil > now;

    /// <summary>True when an admin locked the account (until unlocked), rather than failed logins (for minutes).</summary>
    public bool IsLockedByAdmin(DateTimeOffset now) => LockedUntil is { } until && until - now > AdminLockThreshold;
}

/// <summary>What an admin fills in to create an account.</summary>
public sealed record NewUser(string Email, string? DisplayName, string Role, string Password);

public enum AccountOutcome
{
    Done,

    /// <summary>The actor is not an admin; nothing was read or changed.</summary>
    Forbidden,

    NotFound,

    /// <summary>The input broke a rule (Identity's password and user rules included); see the errors.</summary>
    Invalid,
}

/// <summary>The outcome of an account command, with the messages to show when it was refused.</summary>
public sealed record AccountResult(AccountOutcome Outcome, IReadOnlyList<string> Errors)
{
    public static AccountResult Done { get; } = new(AccountOutcome.Done, []);

    public static AccountResult Forbidden { get; } = new(AccountOutcome.Forbidden, ["Only an admin can manage user accounts."]);

    public static AccountResult NotFound { get; } = new(AccountOutcome.NotFound, ["There is no such user."]);

    public bool Succeeded => Outcome == AccountOutcome.Done;

    public static AccountResult Invalid(params IEnumerable<string> errors) => new(AccountOutcome.Invalid, errors.ToList());
}

/// <summary>The user list, or <see cref="AccountOutcome.Forbidden"/> with no user in it.</summary>
public sealed record UserListResult(AccountOutcome Outcome, IReadOnlyList<UserSummary> Users);
