using AiDeals.Core.Features.Accounts;
using AiDeals.E2E.Tests.Infrastructure;
using AiDeals.E2E.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AiDeals.E2E.Tests;

/// <summary>
/// The app under its Content-Security-Policy in a real browser: the pages load, connect their circuit and answer
/// clicks without the browser blocking anything, and an injected inline script is blocked and reported.
/// </summary>
public sealed class ContentSecurityPolicyTests(E2EFixture fixture)
{
    [Fact]
    public async Task ReadingPages_UnderThePolicy_RunWithoutAViolationAndTheFiltersWork()
    {
        await using var session = await fixture.OpenSessionAsync();
        var page = session.Page;
        var violations = await PolicyViolations.WatchAsync(page);

        var home = await page.GotoAsync(string.Empty);
        AssertPolicyHeader(home);
        var dashboard = new DashboardPage(page);
        await Expect(dashboard.DealCountTile).ToHaveTextAsync("6");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        // The grid loads only over the circuit's WebSocket, and the status filter answers a click through it.
        var deals = await DealsPage.OpenAsync(page, $"?investor={ArticleDeals.SoftBankSlug}");
        await deals.WaitForDealsAsync(ArticleDeals.WithSoftBank);
        await deals.ToggleStatusAsync("In talks");
        var inTalks = await deals.WaitForDealsAsync(ArticleDeals.WithSoftBankInTalks);
        Assert.All(inTalks, d => Assert.Equal("In talks", d.Status));

        await page.GotoAsync($"organizations/{ArticleDeals.SoftBankSlug}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = ArticleDeals.SoftBank, Level = 1 })).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Empty(violations.Reports);
        Assert.Empty(session.PageErrors);
    }

    [Fact]
    public async Task AnalystEditing_UnderThePolicy_LogsInSavesAndDeletesWithoutAViolation()
    {
        await using var session = await fixture.OpenSessionAsync();
        var page = session.Page;
        var violations = await PolicyViolations.WatchAsync(page);
        var title = $"Policy check {Guid.NewGuid().ToString("N")[..8]}";

        // The login is a plain form post (form-action 'self') that sets a cookie and redirects.
        AssertPolicyHeader(await page.GotoAsync("account/login"));
        await new LoginPage(page).LogInAsync(DemoAccounts.Analyst.UserName, DemoAccounts.Analyst.Password);
        await Expect(new AccountBar(page).UserName).ToHaveTextAsync(DemoAccounts.Analyst.DisplayName);

        var editor = await DealEditorPage.OpenAsync(page);
        await editor.Title.FillAsync(title);
        await editor.ChooseQualifierAsync("Range");
        await DealEditorPage.TypeAmountAsync(editor.AmountLow, "1B");
        await DealEditorPage.TypeAmountAsync(editor.AmountHigh, "2B");
        await editor.SaveAndOpenDealAsync();
        var detail = await DealDetailPage.WaitForAsync(page, title);
        await Expect(detail.Amount).ToHaveTextAsync("$1B–$2B");

        // A MudBlazor dialog (popover, overlay, inline styles) and the delete going through.
        await page.GetByTestId("delete-deal").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Expect(page.GetByTestId("deal-deleted")).ToBeVisibleAsync();

        Assert.Empty(violations.Reports);
        Assert.Empty(session.PageErrors);
    }

    [Fact]
    public async Task InjectedInlineScript_UnderThePolicy_IsBlockedAndReported()
    {
        await using var session = await fixture.OpenSessionAsync();
        var page = session.Page;
        var violations = await PolicyViolations.WatchAsync(page);
        await DealsPage.OpenAsync(page);
        Assert.Empty(violations.Reports);

        // What an injected <script> (a stored XSS that slipped through escaping) would try.
        await page.EvaluateAsync("""
            () => {
                const script = document.createElement('script');
                script.textContent = 'window.injectedScriptRan = true;';
                document.body.appendChild(script);
            }
            """);

        for (var waited = 0; violations.Reports.Count == 0 && waited < 5_000; waited += 100)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Contains(violations.Reports, r => r.Contains("script-src", StringComparison.Ordinal));
        Assert.False(await page.EvaluateAsync<bool>("() => window.injectedScriptRan === true"));
    }

    private static void AssertPolicyHeader(IResponse? response)
    {
        Assert.NotNull(response);
        var policy = response.Headers.GetValueOrDefault("content-security-policy");
        Assert.NotNull(policy);
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
    }
}
