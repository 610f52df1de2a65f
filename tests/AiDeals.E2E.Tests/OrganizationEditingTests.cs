using System.Text.RegularExpressions;
using AiDeals.Core.Features.Accounts;
using AiDeals.E2E.Tests.Infrastructure;
using AiDeals.E2E.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AiDeals.E2E.Tests;

/// <summary>Editing an organization in a real browser: who may, and everyone else seeing the change live.</summary>
public sealed partial class OrganizationEditingTests(E2EFixture fixture)
{
    [Fact]
    public async Task AnalystSavesADescription_AnotherBrowserOnTheProfile_SeesItWithoutReloading()
    {
        await using var reader = await fixture.OpenSessionAsync();
        var profile = await OrganizationProfilePage.OpenAsync(reader.Page, "openai", "OpenAI");
        await Expect(profile.Actions).ToHaveCountAsync(0);

        // A reload would drop this marker: the new text must arrive over the page's own connection.
        await reader.Page.EvaluateAsync("() => { window.stillTheSamePage = true; }");
        var description = $"US AI company, maker of ChatGPT (edited {Guid.NewGuid():N}).";

        await using var analyst = await fixture.OpenSessionAsync();
        await LogInAsync(analyst.Page, DemoAccounts.Analyst);
        var editor = await OrganizationEditorPage.OpenAsync(analyst.Page, "openai");
        await editor.Description.FillAsync(description);
        await editor.Save.ClickAsync();
        await Expect(analyst.Page).ToHaveURLAsync(ProfileAddress());
        await Expect(new OrganizationProfilePage(analyst.Page).Actions).ToBeVisibleAsync();

        await Expect(profile.Description).ToHaveTextAsync(description, new() { Timeout = 5_000 });
        Assert.True(await reader.Page.EvaluateAsync<bool>("() => window.stillTheSamePage === true"));
        Assert.Empty(reader.PageErrors);
        Assert.Empty(analyst.PageErrors);
    }

    [Fact]
    public async Task Viewer_SeesNoEditControlsAndIsRefusedTheEditor()
    {
        await using var session = await fixture.OpenSessionAsync();
        var page = session.Page;
        await LogInAsync(page, DemoAccounts.Viewer);

        var profile = await OrganizationProfilePage.OpenAsync(page, "openai", "OpenAI");
        await Expect(profile.Description).ToBeVisibleAsync();
        await Expect(profile.Actions).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("add-valuation")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("edit-valuation")).ToHaveCountAsync(0);

        foreach (var (address, control) in new[] { ("organizations", "new-organization"), ("valuations", "new-valuation"), ("events", "new-event") })
        {
            await page.GotoAsync(address);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            await Expect(page.GetByTestId(control)).ToHaveCountAsync(0);
        }

        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "History", Exact = true })).ToHaveCountAsync(0);

        await page.GotoAsync("organizations/openai/edit");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Access denied" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("organization-editor")).ToHaveCountAsync(0);
    }

    private static async Task LogInAsync(IPage page, DemoAccount account)
    {
        await page.GotoAsync("account/login");
        await new LoginPage(page).LogInAsync(account.UserName, account.Password);
        await Expect(new AccountBar(page).UserName).ToHaveTextAsync(account.DisplayName);
    }

    [GeneratedRegex("/organizations/openai$")]
    private static partial Regex ProfileAddress();
}
