namespace AiDeals.Web.Features.Accounts;

/// <summary>The authorization policies pages and endpoints name: who may edit, who may manage accounts.</summary>
public static class Policies
{
    /// <summary>Analysts and admins: create, edit, delete and restore entries.</summary>
    public const string CanEdit = "CanEdit";

    /// <summary>Admins: manage the user accounts.</summary>
    public const string Admin = "Admin";
}
