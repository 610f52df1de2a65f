namespace AiDeals.Core.Features.Accounts;

/// <summary>One demo account: created in Development only, its password documented in the README.</summary>
public sealed record DemoAccount(string UserName, string DisplayName, string Role, string Password);

/// <summary>
/// The accounts a developer logs in with on a fresh Development database. They exist nowhere else: outside Development
/// the first admin comes from configuration, and no account ever has a default password.
/// </summary>
public static class DemoAccounts
{
    public static DemoAccount Viewer { get; } = new("viewer@aideals.local", "Demo Viewer", Roles.Viewer, "ViewerDemo2025");

    public static DemoAccount Analyst { get; } = new("analyst@aideals.local", "Demo Analyst", Roles.Analyst, "AnalystDemo2025");

    public static DemoAccount Admin { get; } = new("admin@aideals.local", "Demo Admin", Roles.Admin, "AdminDemo2025");

    public static IReadOnlyList<DemoAccount> All { get; } = [Viewer, Analyst, Admin];
}
