using System.Security.Claims;
using System.Text.Encodings.Web;
using AiDeals.Core.Features.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AiDeals.Web.Features.Api;

/// <summary>
/// <c>Authorization: Bearer aid_…</c>: the owner of a live token, as the owner is now (their current role, built by the
/// same claims factory as the login). An unknown or revoked token, or an owner who is locked out or gone, fails, and the
/// API answers 401. Identity's user manager (and the database context under it) is resolved only for a request that
/// carries a token: every request runs this handler, and most (pages, anonymous reads) carry none; and only when the
/// owner's account changed since their claims were last built (<see cref="ApiTokenLogins"/>).
/// </summary>
internal sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiTokenService tokens,
    ApiTokenLogins built)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    private const string BearerPrefix = "Bearer ";

    /// <summary>Whether the request carries a bearer token at all (right or wrong).</summary>
    public static bool HasBearer(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!HasBearer(Request))
        {
            return AuthenticateResult.NoResult();
        }

        var token = Request.Headers.Authorization.ToString()[BearerPrefix.Length..].Trim();
        var owner = await tokens.FindAsync(token, Context.RequestAborted);
        if (owner is null)
        {
            return AuthenticateResult.Fail("The token is unknown or revoked.");
        }

        if (owner.LockedOutUntil is { } until && until > TimeProvider.GetUtcNow())
        {
            return AuthenticateResult.Fail("The token's account is locked.");
        }

        var claims = built.Find(owner);
        if (claims is null)
        {
            var users = Context.RequestServices.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByIdAsync(owner.UserId);
            if (user is null || await users.IsLockedOutAsync(user))
            {
                return AuthenticateResult.Fail("The token's account is locked or no longer exists.");
            }

            var login = await Context.RequestServices.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
            // Built from the account as the factory read it: kept under the stamp it had then.
            claims = [.. login.Claims];
            built.Keep(owner with { AccountStamp = user.ConcurrencyStamp }, claims);
        }

        var identity = new ClaimsIdentity(claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ApiTokenClaims.TokenId, owner.TokenId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(ApiTokenClaims.TokenName, owner.TokenName));
        await tokens.TouchAsync(owner, Context.RequestAborted);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = HasBearer(Request) ? "Bearer error=\"invalid_token\"" : "Bearer";
        return Task.CompletedTask;
    }
}
