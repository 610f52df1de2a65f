using System.Net;
using System.Net.Http.Headers;
using AiDeals.Core.Features.Accounts;
using AiDeals.E2E.Tests.Infrastructure;
using AiDeals.E2E.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AiDeals.E2E.Tests;

/// <summary>A person makes a token on the API tokens page, a script calls the API with it, the person revokes it.</summary>
public sealed class ApiTokenPageTests(E2EFixture fixture)
{
    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task Token_CreatedOnThePage_Reads200ThenAfterRevoking401(ColorScheme scheme)
    {
        await using var session = await fixture.OpenSessionAsync(scheme);
        var page = session.Page;
        await page.GotoAsync("account/login?returnUrl=%2Faccount%2Fapi-tokens");
        await new LoginPage(page).LogInAsync(DemoAccounts.Analyst.UserName, DemoAccounts.Analyst.Password);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "API tokens", Level = 1 })).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var name = $"e2e script {scheme}";

        await page.GetByLabel("Name").FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();
        var value = page.GetByTestId("token-created").Locator("input");
        await Expect(value).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^aid_"));
        var token = await value.InputValueAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(E2EFixture.ScreenshotFolder, $"api-tokens-{scheme.ToString().ToLowerInvariant()}.png"),
            FullPage = true,
            Animations = ScreenshotAnimations.Disabled,
        });

        using var client = new HttpClient { BaseAddress = fixture.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("api/v1/deals?limit=5", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);

        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = name });
        await row.GetByRole(AriaRole.Button, new() { Name = "Revoke", Exact = true }).ClickAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = $"Revoke {name}" }).ClickAsync();
        await Expect(row).ToHaveCountAsync(0);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri("api/v1/deals?limit=5", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Empty(session.PageErrors);
    }
}
