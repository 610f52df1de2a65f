using System.Security.Claims;
using AiDeals.Core.Features.Accounts;
using Microsoft.AspNetCore.Components.Authorization;

namespace AiDeals.Web.Features.Accounts;

public static class AuthenticationStateExtensions
{
    /// <summary>
    /// The actor to pass to a Core command, from a page's cascading authentication state; anonymous when there is none.
    /// Read it when the command runs, not once at start: an admin may have changed the user's role since.
    /// </summary>
    public static async Task<Actor> GetActorAsync(this Task<AuthenticationState>? authenticationState) =>
        authenticationState is null ? Actor.Anonymous : Actor.FromPrincipal((await authenticationState).User);

    /// <summary>The name to show for a signed-in user: the display name when there is one, else the user name.</summary>
    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirst(AccountClaimTypes.DisplayName)?.Value ?? user.Identity?.Name ?? string.Empty;

    /// <summary>The user's most trusted role, for the app bar; null when the user holds none.</summary>
    public static string? HighestRole(this ClaimsPrincipal user) => Roles.All.LastOrDefault(user.IsInRole);
}
