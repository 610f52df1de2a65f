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
}
