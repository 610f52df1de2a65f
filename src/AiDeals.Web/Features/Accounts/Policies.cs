using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;

namespace AiDeals.Web.Features.Accounts;

/// <summary>The authorization policies pages and endpoints name: who may edit, who may manage accounts.</summary>
public static class Policies
{
    /// <summary>Analysts and admins: create, edit, delete and restore entries.</summary>
    public const string CanEdit = "CanEdit";

    /// <summary>Admins: manage the user accounts.</summary>
    public const string Admin = "Admin";
}

/// <summary>A page's question whether its reader meets a policy, answered on the server.</summary>
public static class PolicyChecks
{
    /// <summary>Whether the reader of <paramref name="state"/> meets <paramref name="policy"/>; no reader meets none.</summary>
    public static async Task<bool> AllowsAsync(this IAuthorizationService authorization, Task<AuthenticationState>? state, string policy)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        var user = state is null ? null : (await state).User;
        return user is not null && (await authorization.AuthorizeAsync(user, policy)).Succeeded;
    }
}
