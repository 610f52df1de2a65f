using System.Security.Claims;
using AiDeals.Core.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace AiDeals.Web.Features.Accounts;

/// <summary>Identity, cookies, the authorization policies and the account endpoints, wired from Program.</summary>
internal static class AccountsWebExtensions
{
    public const string LoginPath = "/account/login";
    public const string LogoutPath = "/account/logout";
    public const string LoggedOutPath = "/account/logged-out";
    public const string AccessDeniedPath = "/account/access-denied";

    /// <summary><c>Auth:AllowAnonymousRead</c>: whether people who have not logged in may read (never edit). Off unless set.</summary>
    public const string AllowAnonymousReadKey = "Auth:AllowAnonymousRead";

    public static WebApplicationBuilder AddAccountsAndRoles(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();

        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddAiDealsAccounts().AddSignInManager().AddDefaultTokenProviders();

        var development = builder.Environment.IsDevelopment();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = LoginPath;
            cookie.LogoutPath = LogoutPath;
            cookie.AccessDeniedPath = AccessDeniedPath;
            cookie.Cookie.Name = "AiDeals.Auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;

            // Only over HTTPS in production; plain http on loopback in Development and in the tests.
            cookie.Cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
        });

        // The antiforgery cookie likewise: the login form and every page's form carry its token.
        services.AddAntiforgery(antiforgery =>
            antiforgery.Cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always);

        // A changed security stamp (password reset, role change, lock) ends a cookie session within minutes, not 30.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(5));

        var authorization = services.AddAuthorizationBuilder()
            .AddPolicy(Policies.CanEdit, policy => policy.RequireRole(Roles.Analyst, Roles.Admin))
            .AddPolicy(Policies.Admin, policy => policy.RequireRole(Roles.Admin));
        if (!builder.Configuration.GetValue(AllowAnonymousReadKey, false))
        {
            // Every endpoint without an authorization attribute of its own (pages, the Blazor hub, exports) needs a
            // signed-in user; the login page, static files and /health opt out with AllowAnonymous.
            authorization.SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        }

        return builder;
    }

    /// <summary>Seeds the roles, the Development demo accounts and the configured first admin (<c>Auth:BootstrapAdmin</c>).</summary>
    public static Task SeedAccountsAsync(this WebApplication app)
    {
        var options = new AccountSeedOptions(
            CreateDemoAccounts: app.Environment.IsDevelopment(),
            BootstrapAdminEmail: app.Configuration["Auth:BootstrapAdmin:Email"],
            BootstrapAdminPassword: app.Configuration["Auth:BootstrapAdmin:Password"]);
        return app.Services.GetRequiredService<AccountSeeder>().SeedAsync(options);
    }

    /// <summary>Log out: a POST with the antiforgery token (the form field makes the endpoint require it), never a GET.</summary>
    public static IEndpointConventionBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(LogoutPath, async (
            ClaimsPrincipal user,
            SignInManager<AppUser> signInManager,
            ILoggerFactory loggers,
            [FromForm] string? returnUrl) =>
        {
            if (signInManager.IsSignedIn(user))
            {
                await signInManager.SignOutAsync();
                loggers.CreateLogger(typeof(AccountsWebExtensions)).LogInformation("{UserName} logged out", user.Identity?.Name);
            }

            return TypedResults.LocalRedirect("~" + LoggedOutPath);
        }).AllowAnonymous();

    /// <summary>
    /// A return address that stays on this site: a local path ("/deals?investor=x"), else the dashboard. A full URL or a
    /// protocol-relative one ("//evil.example") would turn the login page into an open redirect.
    /// </summary>
    public static string SafeReturnUrl(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || returnUrl[0] != '/' || returnUrl.Any(char.IsControl))
        {
            return "/";
        }

        return returnUrl.Length > 1 && (returnUrl[1] == '/' || returnUrl[1] == '\\') ? "/" : returnUrl;
    }
}
