namespace AiDeals.Core.Features.Accounts;

/// <summary>
/// The three roles, from least to most trusted: a viewer reads, an analyst also edits, an admin also manages accounts.
/// A user holds exactly one of them.
/// </summary>
public static class Roles
{
    public const string Viewer = "Viewer";

    public const string Analyst = "Analyst";

    public const string Admin = "Admin";

    /// <summary>Every role, least trusted first.</summary>
    public static IReadOnlyList<string> All { get; } = [Viewer, Analyst, Admin];

    /// <summary>The role's canonical spelling, or null for a name that is no role.</summary>
    public static string? Normalize(string? role) =>
        All.FirstOrDefault(r => string.Equals(r, role?.Trim(), StringComparison.OrdinalIgnoreCase));
}
