using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AiDeals.Core.Features.Accounts;

/// <summary>The claim types the app adds to Identity's own (name, id, roles, security stamp).</summary>
public static class AccountClaimTypes
{
    /// <summary>The user's display name, for the app bar.</summary>
    public const string DisplayName = "aideals:display_name";
}

/// <summary>Identity's claims plus the display name, so that the app bar needs no database read.</summary>
public sealed class AppUserClaimsPrincipalFactory(
    UserManager<AppUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (!string.IsNullOrWhiteSpace(user.DisplayName))
        {
            identity.AddClaim(new Claim(AccountClaimTypes.DisplayName, user.DisplayName));
        }

        return identity;
    }
}
