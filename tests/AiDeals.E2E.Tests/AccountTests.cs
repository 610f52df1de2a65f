using System.Text.RegularExpressions;
using AiDeals.Core.Features.Accounts;
using AiDeals.E2E.Tests.Infrastructure;
using AiDeals.E2E.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AiDeals.E2E.Tests;

/// <summary>Logging in and out in a real browser with the Development demo accounts.</summary>
public sealed partial class AccountTests(E2EFixture fixture)
{
    [Fact]
    public async Task Analyst_LogsInFromTheAppBar_SeesTheirNameAndRoleThenLogsOut()
    {
        await using var session = await fixture.OpenSessionAsync();
        var page = session.Page;
        await DashboardPage.OpenAsync(page);
        var bar = new AccountBar(page);

        await bar.LogInLink.ClickAsync();
        await Expect(page).ToHaveURLAsync(LoginAddress());
        await SaveScreenshotAsync(page, "login.png");
        await new LoginPage(page).LogInAsync(DemoAccounts.Analyst.UserName, DemoAccounts.Analyst.Password);

        // Back on the dashboard, where the login started, as the analyst; no admin link for an analyst.
        await Expect(page).ToHaveURLAsync(new Uri(fixture.BaseAddress, "/").ToString());
        await Expect(bar.UserName).ToHaveTextAsync(DemoAccounts.Analyst.DisplayName);
        await Expect(bar.Role).ToHaveTextAsync(Roles.Analyst);
        await Expect(bar.UsersLink).ToHaveCountAsync(0);

        await bar.LogOutButton.ClickAsync();
        await Expect(page).ToHaveURLAsync(LoggedOutAddress());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You have logged out" })).ToBeVisibleAsync();
        await Expect(bar.LogInLink).ToBeVisibleAsync();
        await Expect(bar.UserName).ToHaveCountAsync(0);
        Assert.Empty(session.PageErrors);
    }

    [Fact]
    public async Task Login_WrongPassword_StaysOnTheFormWithAnError()
    {
        await using var session = await fixture.OpenSessionAsync();
        var page = session.Page;
        await page.GotoAsync("account/login");
        var login = new LoginPage(page);

        await login.LogInAsync(DemoAccounts.Viewer.UserName, "NotTheRightOne1");

        await Expect(login.Error).ToContainTextAsync("The email or the password is wrong.");
        await Expect(page).ToHaveURLAsync(LoginAddress());
    }

    [Fact]
    public async Task Admin_OpensUsersFromTheDrawer_SeesEveryAccountWithItsRole()
    {
        await using var session = await fixture.OpenSessionAsync();
        var page = session.Page;
        await page.GotoAsync("account/login");
        await new LoginPage(page).LogInAsync(DemoAccounts.Admin.UserName, DemoAccounts.Admin.Password);
        var bar = new AccountBar(page);
        await Expect(bar.UserName).ToHaveTextAsync(DemoAccounts.Admin.DisplayName);

        // A click while the dashboard's circuit is still starting can be undone by it (Blazor's router renders the
        // address it started with): wait for the page to settle first, as a person's second look would.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await bar.UsersLink.ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Users", Level = 1 })).ToBeVisibleAsync();
        foreach (var demo in DemoAccounts.All)
        {
            await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = demo.UserName })).ToContainTextAsync(demo.Role);
        }

        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await SaveScreenshotAsync(page, "admin-users.png");
        Assert.Empty(session.PageErrors);
    }

    [Fact]
    public async Task Viewer_OpensTheUsersAddress_IsToldAccessIsDenied()
    {
        await using var session = await fixture.OpenSessionAsync();
        var page = session.Page;
        await page.GotoAsync("account/login");
        await new LoginPage(page).LogInAsync(DemoAccounts.Viewer.UserName, DemoAccounts.Viewer.Password);
        await Expect(new AccountBar(page).UserName).ToHaveTextAsync(DemoAccounts.Viewer.DisplayName);

        await page.GotoAsync("admin/users");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Access denied" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Users", Level = 1 })).ToHaveCountAsync(0);
    }

    private static async Task SaveScreenshotAsync(IPage page, string fileName)
    {
        Directory.CreateDirectory(E2EFixture.ScreenshotFolder);
        var path = Path.Combine(E2EFixture.ScreenshotFolder, fileName);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true, Animations = ScreenshotAnimations.Disabled });
        TestContext.Current.SendDiagnosticMessage($"Screenshot: {path}");
    }

    [GeneratedRegex("/account/login(\\?|$)")]
    private static partial Regex LoginAddress();

    [GeneratedRegex("/account/logged-out$")]
    private static partial Regex LoggedOutAddress();
}
