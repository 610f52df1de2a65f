using System.Net;
using AiDeals.Core.Features.Accounts;
using AiDeals.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AiDeals.Web.Tests.Features.Accounts;

/// <summary>Logging in and out over HTTP against the real app (Development: the demo accounts exist).</summary>
[Collection(WebHostCollection.Name)]
public sealed class LoginTests(AiDealsWebFactory factory) : IClassFixture<AiDealsWebFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PostLogin_RightPassword_SetsASecureCookieAndRedirectsToTheReturnUrl()
    {
        using var client = AccountHttp.NewClient(factory);

        var response = await AccountHttp.LogInAsync(client, DemoAccounts.Analyst.UserName, DemoAccounts.Analyst.Password, "/deals?investor=softbank");

        Assert.Equal("/deals?investor=softbank", AccountHttp.RedirectTarget(response));
        var cookie = AccountHttp.AuthCookieHeader(response);
        Assert.NotNull(cookie);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task GetHome_AfterLogin_AppBarShowsTheUsersNameAndRole()
    {
        using var client = AccountHttp.NewClient(factory);
        await AccountHttp.LogInAsync(client, DemoAccounts.Analyst.UserName, DemoAccounts.Analyst.Password);

        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative), Cancel);

        Assert.Matches("data-testid=\"account-name\"[^>]*>\\s*Demo Analyst\\s*<", html);
        Assert.Matches("data-testid=\"account-role\"[^>]*>\\s*Analyst\\s*<", html);
        Assert.Contains("action=\"/account/logout\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostLogin_WrongPassword_ShowsTheErrorAndSetsNoCookie()
    {
        using var client = AccountHttp.NewClient(factory);

        var response = await AccountHttp.LogInAsync(client, DemoAccounts.Viewer.UserName, "NotThePassword1");
        var html = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The email or the password is wrong.", html, StringComparison.Ordinal);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(AiDeals.Web.Features.Accounts.Login.FailureMessage), html, StringComparison.Ordinal);
        Assert.Null(AccountHttp.AuthCookieHeader(response));
    }

    [Fact]
    public async Task PostLogin_UnknownEmailWrongPasswordOrLockedAccount_AllAnswerTheSameWords()
    {
        const string email = "locked-words@example.com";
        var created = await factory.Services.GetRequiredService<AccountService>().CreateUserAsync(
            Actor.Create(DemoAccounts.Admin.UserName, Roles.Admin), new NewUser(email, null, Roles.Viewer, "RightPassword2025"), Cancel);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors));
        using var client = AccountHttp.NewClient(factory);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await AccountHttp.LogInAsync(client, email, $"WrongGuess{attempt}x");
        }

        var answers = new List<string>();
        foreach (var (user, password) in new[] { ("nobody-here@example.com", "AnyPassword1"), (DemoAccounts.Viewer.UserName, "NotThePassword1"), (email, "RightPassword2025") })
        {
            var response = await AccountHttp.LogInAsync(client, user, password);
            Assert.Null(AccountHttp.AuthCookieHeader(response));
            var html = await response.Content.ReadAsStringAsync(Cancel);
            answers.Add(System.Text.RegularExpressions.Regex.Match(html, "data-testid=\"login-error\"[^>]*>(?:<[^>]+>)*([^<]+)").Groups[1].Value.Trim());
        }

        Assert.All(answers, a => Assert.Equal(System.Net.WebUtility.HtmlEncode(AiDeals.Web.Features.Accounts.Login.FailureMessage), a));
    }

    [Fact]
    public async Task PostLogin_WrongPasswordFiveTimes_LocksTheAccountSoTheRightPasswordFailsToo()
    {
        const string email = "lockout@example.com";
        const string password = "RightPassword2025";
        var created = await factory.Services.GetRequiredService<AccountService>().CreateUserAsync(
            Actor.Create(DemoAccounts.Admin.UserName, Roles.Admin), new NewUser(email, null, Roles.Analyst, password), Cancel);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors));
        using var client = AccountHttp.NewClient(factory);

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var wrong = await AccountHttp.LogInAsync(client, email, $"WrongGuess{attempt}x");
            Assert.Null(AccountHttp.AuthCookieHeader(wrong));
        }

        var sixth = await AccountHttp.LogInAsync(client, email, password);
        var html = await sixth.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.OK, sixth.StatusCode);
        Assert.Null(AccountHttp.AuthCookieHeader(sixth));
        Assert.Contains("locked", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task PostLogin_WithoutTheAntiforgeryToken_IsRejectedAndSetsNoCookie()
    {
        using var client = AccountHttp.NewClient(factory);

        // The antiforgery cookie is there (from a GET), the form's token is not: a cross-site post looks like this.
        await AccountHttp.TokenFromAsync(client, "/account/login");
        var response = await client.PostAsync(
            new Uri("/account/login", UriKind.Relative),
            AccountHttp.LoginForm(DemoAccounts.Admin.UserName, DemoAccounts.Admin.Password, token: null),
            Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(AccountHttp.AuthCookieHeader(response));
    }

    [Theory]
    [InlineData("//evil.example/phish")]
    [InlineData("https://evil.example/phish")]
    [InlineData("/\\evil.example")]
    public async Task PostLogin_ReturnUrlToAnotherSite_RedirectsToTheDashboardInstead(string returnUrl)
    {
        using var client = AccountHttp.NewClient(factory);

        var response = await AccountHttp.LogInAsync(client, DemoAccounts.Viewer.UserName, DemoAccounts.Viewer.Password, returnUrl);

        Assert.Equal("/", AccountHttp.RedirectTarget(response));
    }

    [Fact]
    public async Task PostLogout_SignedIn_ClearsTheCookieAndShowsTheLoggedOutPage()
    {
        using var client = AccountHttp.NewClient(factory);
        await AccountHttp.LogInAsync(client, DemoAccounts.Admin.UserName, DemoAccounts.Admin.Password);
        var token = await AccountHttp.TokenFromAsync(client, "/deals");

        var response = await client.PostAsync(
            new Uri("/account/logout", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["returnUrl"] = "/deals" }),
            Cancel);
        var afterwards = await client.GetAsync(new Uri("/admin/users", UriKind.Relative), Cancel);

        Assert.Equal("/account/logged-out", AccountHttp.RedirectTarget(response));
        Assert.Contains("expires=Thu, 01 Jan 1970", AccountHttp.AuthCookieHeader(response), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
        Assert.StartsWith("/account/login", afterwards.Headers.Location?.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostLogout_WithoutTheAntiforgeryToken_IsRejectedAndKeepsTheSession()
    {
        using var client = AccountHttp.NewClient(factory);
        await AccountHttp.LogInAsync(client, DemoAccounts.Admin.UserName, DemoAccounts.Admin.Password);

        var response = await client.PostAsync(
            new Uri("/account/logout", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["returnUrl"] = "/" }),
            Cancel);
        var afterwards = await client.GetAsync(new Uri("/admin/users", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterwards.StatusCode);
    }
}
