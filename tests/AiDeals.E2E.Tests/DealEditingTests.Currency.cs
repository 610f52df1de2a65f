using AiDeals.Core.Features.Accounts;
using AiDeals.E2E.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AiDeals.E2E.Tests;

public sealed partial class DealEditingTests
{
    [Fact]
    public async Task Analyst_EntersAnAmountInEuros_SeesItAsReportedAndInDollarsAtTheRateOfItsDay()
    {
        await using var session = await fixture.OpenSessionAsync();
        var page = session.Page;
        await LogInAsync(page, DemoAccounts.Analyst);
        var title = $"Mistral AI Series B {NewToken()}";

        var editor = await DealEditorPage.OpenAsync(page);
        await editor.Title.FillAsync(title);
        await editor.ChooseQualifierAsync("Exact");
        await DealEditorPage.TypeAmountAsync(page.GetByRole(AriaRole.Textbox, new() { Name = "Amount amount" }), "€600M");
        // The currency picker renders its choice as text (MudSelect makes it a div with the role, not an input).
        await Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "Amount currency" })).ToHaveTextAsync("EUR");
        await editor.Announced.FillAsync("2024-06-11");
        await editor.SaveAndOpenDealAsync();

        var detail = await DealDetailPage.WaitForAsync(page, title);
        await Expect(detail.Amount).ToHaveTextAsync("€600M");
        // The seeded ECB sample's rate of that day: $1.0773 per euro.
        await Expect(page.GetByTestId("deal-amount-conversion")).ToHaveTextAsync("(≈ $646.38M at the rate of 11 Jun 2024)");
        await SaveScreenshotAsync(page, "deal-in-euros.png");

        await DeleteAsync(page);
        Assert.Empty(session.PageErrors);
    }

    [Fact]
    public async Task Analyst_GivesACommitmentInEuros_SeesItWithItsDollarsAndALeftOutDealOnceInTheListTotal()
    {
        await using var session = await fixture.OpenSessionAsync();
        var page = session.Page;
        await LogInAsync(page, DemoAccounts.Analyst);
        var token = NewToken();
        var euros = $"Mistral AI round {token}";
        var francs = $"Franc round {token}";

        var editor = await DealEditorPage.OpenAsync(page);
        await editor.Title.FillAsync(euros);
        await editor.ChooseQualifierAsync("Exact");
        await DealEditorPage.TypeAmountAsync(page.GetByRole(AriaRole.Textbox, new() { Name = "Amount amount" }), "€600M");
        await editor.Announced.FillAsync("2024-06-11");
        await page.GetByTestId("add-participant").ClickAsync();
        var organization = page.GetByRole(AriaRole.Combobox, new() { Name = "Participant 1 organization" });
        await organization.FillAsync("SoftBank");
        await page.GetByRole(AriaRole.Option).Filter(new() { HasText = "SoftBank" }).First.ClickAsync();
        var qualifier = page.GetByRole(AriaRole.Combobox, new() { Name = "Participant 1 commitment qualifier" });
        await qualifier.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Exact", Exact = true }).ClickAsync();
        await Expect(qualifier).ToHaveValueAsync("Exact");
        // A new participant starts in the deal's currency; "200M EUR" says it too.
        await Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "Participant 1 commitment currency" })).ToHaveTextAsync("EUR");
        await DealEditorPage.TypeAmountAsync(page.GetByRole(AriaRole.Textbox, new() { Name = "Participant 1 commitment amount" }), "200M EUR");
        await SaveScreenshotAsync(page, "deal-editor-commitment-in-euros.png");
        await editor.SaveAndOpenDealAsync();

        await DealDetailPage.WaitForAsync(page, euros);
        await Expect(page.GetByTestId("participant-commitment-reported")).ToHaveTextAsync("€200M");
        await Expect(page.GetByTestId("participant-commitment-converted")).ToHaveTextAsync("(≈ $215.46M at the rate of 11 Jun 2024)");
        await SaveScreenshotAsync(page, "deal-commitment-in-euros.png");
        var euroPage = page.Url;

        // Francs have no rate in the seeded sample: the deal is left out of the dollar total, and said once.
        editor = await DealEditorPage.OpenAsync(page);
        await editor.Title.FillAsync(francs);
        await editor.ChooseQualifierAsync("Exact");
        await DealEditorPage.TypeAmountAsync(page.GetByRole(AriaRole.Textbox, new() { Name = "Amount amount" }), "CHF 300M");
        await editor.Announced.FillAsync("2024-06-11");
        await editor.SaveAndOpenDealAsync();
        await DealDetailPage.WaitForAsync(page, francs);
        var francPage = page.Url;

        var deals = await DealsPage.OpenAsync(page, "?q=" + token);
        Assert.Equal(2, (await deals.WaitForDealsAsync([euros, francs])).Count);
        await Expect(page.GetByTestId("left-out-of-totals")).ToContainTextAsync("1 deal in another currency");
        await Expect(page.GetByTestId("list-total")).ToContainTextAsync("$646.38M");
        await Expect(page.GetByTestId("list-total")).Not.ToContainTextAsync("undisclosed");
        await SaveScreenshotAsync(page, "deals-left-out-of-totals.png");

        foreach (var address in new[] { euroPage, francPage })
        {
            await page.GotoAsync(address);
            await Expect(page.GetByTestId("delete-deal")).ToBeVisibleAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await DeleteAsync(page);
        }

        Assert.Empty(session.PageErrors);
    }
}
