using System.Security.Claims;

namespace AiDeals.Core.Features.Accounts;

/// <summary>
/// Who is calling a command: the user name written into the audit log and the roles the command checks.
/// Commands take an actor rather than trusting the page that called them, because every Blazor event handler can be
/// invoked by a crafted client.
/// </summary>
public sealed record Actor(string UserName, IReadOnlySet<string> Roles)
{
    /// <summary>Someone who has not logged in: reads where anonymous reading is on, never writes.</summary>
    public static Actor Anonymous { get; } = new(string.Empty, new HashSet<string>());

    public bool IsAuthenticated => UserName.Length > 0;

    /// <summary>Analysts and admins create, edit, delete and restore entries.</summary>
    public bool CanEdit => IsAuthenticated && (Roles.Contains(Accounts.Roles.Analyst) || Roles.Contains(Accounts.Roles.Admin));

    /// <summary>Admins also manage the user accounts.</summary>
    public bool IsAdmin => IsAuthenticated && Roles.Contains(Accounts.Roles.Admin);

    /// <summary>
    /// How the user reached the app when it was not the browser (an API token, by name): the audit log adds it to the
    /// reason of every save, so that the history tells a script's changes from the person's.
    /// </summary>
    public string? Via { get; init; }

    /// <summary>An authenticated actor with the given roles (for the system's own saves and for tests).</summary>
    public static Actor Create(string userName, params string[] roles)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        return new Actor(userName, new HashSet<string>(roles, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The actor behind a signed-in principal: its name claim and its role claims (whatever claim type each identity
    /// uses for roles). A principal that is not authenticated, or has no name, is <see cref="Anonymous"/>.
    /// </summary>
    public static Actor FromPrincipal(ClaimsPrincipal? principal)
    {
        if (principal?.Identity is not { IsAuthenticated: true } || string.IsNullOrWhiteSpace(principal.Identity.Name))
        {
            return Anonymous;
        }

        var roleClaimTypes = principal.Identities
            .Where(identity => identity.IsAuthenticated)
            .Select(identity => identity.RoleClaimType)
            .Append(ClaimTypes.Role)
            .ToHashSet(StringComparer.Ordinal);
        var roles = principal.Claims
            .Where(claim => roleClaimTypes.Contains(claim.Type))
            .Select(claim => claim.Value)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var token = principal.FindFirst(ApiTokenClaims.TokenName)?.Value;
        return new Actor(principal.Identity.Name, roles) { Via = token is null ? null : $"API token \"{token}\"" };
    }
}
