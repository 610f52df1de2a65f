using System.Net;
using AiDeals.Core.Features.Accounts;
using AiDeals.Web.Tests.Support;

namespace AiDeals.Web.Tests.Features.Accounts;

/// <summary>Who may open <c>/admin/users</c>: the role check at the HTTP door (the page's commands check it again in Core).</summary>
[Collection(WebHostCollection.Name)]
public sealed class UserAdminEndpointTests(AiDealsWebFactory factory) : IClassFixture<AiDealsWebFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetAdminUsers_Admin_ListsTheAccounts()
    {
        using var client = AccountHttp.NewClient(factory);
        await AccountHttp.LogInAsync(client, DemoAccounts.Admin.UserName, DemoAccounts.Admin.Password);

        var response = await client.GetAsync(new Uri("/admin/users", UriKind.Relative), Cancel);
        var html = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("<h1[^>]*>\\s*Users\\s*</h1>", html);
        Assert.All(DemoAccounts.All, demo => Assert.Contains(demo.UserName, html, StringComparison.Ordinal));
        Assert.Contains("href=\"/admin/users\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("viewer@aideals.local", "ViewerDemo2025")]
    [InlineData("analyst@aideals.local", "AnalystDemo2025")]
    public async Task GetAdminUsers_SignedInWithoutTheAdminRole_IsSentToAccessDenied(string email, string password)
    {
        using var client = AccountHttp.NewClient(factory);
        await AccountHttp.LogInAsync(client, email, password);

        var response = await client.GetAsync(new Uri("/admin/users", UriKind.Relative), Cancel);
        var home = await client.GetStringAsync(new Uri("/", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/access-denied", response.Headers.Location?.AbsolutePath);
        Assert.DoesNotContain("href=\"/admin/users\"", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAdminUsers_Anonymous_IsSentToLogin()
    {
        using var client = AccountHttp.NewClient(factory);

        var response = await client.GetAsync(new Uri("/admin/users", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location?.AbsolutePath);
        Assert.Equal("?ReturnUrl=%2Fadmin%2Fusers", response.Headers.Location?.Query);
    }
}
