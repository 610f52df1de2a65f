using System.Text.RegularExpressions;
using AiDeals.Core.Features.Accounts;
using AiDeals.E2E.Tests.Infrastructure;
using AiDeals.E2E.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AiDeals.E2E.Tests;

/// <summary>
/// Editing deals in a real browser. Each test works on a deal of its own (its title carries a fresh token) and deletes
/// it at the end, so the article's six deals that the other tests count stay as they are.
/// </summary>
public sealed partial class DealEditingTests(E2EFixture fixture)
{
    [Fact]
    public async Task Analyst_CreatesADealAndEditsItsAmount_SeesItInTheListAndInItsHistory()
    {
        await using var session = await fixture.OpenSessionAsync();
        var page = session.Page;
        await LogInAsync(page, DemoAccounts.Analyst);
        var token = NewToken();
        var title = $"Nvidia stake in OpenAI {token}";

        var deals = await DealsPage.OpenAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "New deal" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(NewDealAddress());
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var editor = new DealEditorPage(page);
        await editor.Title.FillAsync(title);
        await editor.ChooseQualifierAsync("Range");
        await DealEditorPage.TypeAmountAsync(editor.AmountLow, "1B");
        await DealEditorPage.TypeAmountAsync(editor.AmountHigh, "2.5B");
        await editor.Announced.FillAsync("2025-03");
        var id = await editor.SaveAndOpenDealAsync();
        var detail = await DealDetailPage.WaitForAsync(page, title);
        await Expect(detail.Amount).ToHaveTextAsync("$1B–$2.5B");
        // A screen reader hears the save without the focus moving (the layout's polite live region).
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Deal created." })).ToHaveCountAsync(1);

        await page.GetByTestId("edit-deal").ClickAsync();
        await Expect(editor.Form).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await DealEditorPage.TypeAmountAsync(editor.AmountHigh, "3B");
        Assert.Equal(id, await editor.SaveAndOpenDealAsync());
        await Expect(detail.Amount).ToHaveTextAsync("$1B–$3B");

        deals = await DealsPage.OpenAsync(page, "?q=" + token);
        var row = Assert.Single(await deals.WaitForDealsAsync([title]));
        Assert.Equal("$1B–$3B", row.Amount);

        await page.GotoAsync($"deals/{id}");
        await DealDetailPage.WaitForAsync(page, title);
        await page.GetByRole(AriaRole.Tab).Filter(new() { HasTextRegex = HistoryTab() }).ClickAsync();
        var latest = page.GetByTestId("history-entry").First;
        await Expect(latest).ToContainTextAsync("Updated");
        await Expect(latest).ToContainTextAsync(DemoAccounts.Analyst.UserName);
        await Expect(latest.GetByRole(AriaRole.Row).Filter(new() { HasText = "Amount high" })).ToContainTextAsync("$3B");
        await SaveScreenshotAsync(page, "deal-history.png");

        await DeleteAsync(page);
        Assert.Empty(session.PageErrors);
    }

    [Fact]
    public async Task TwoAnalystsEditTheSameField_TheSecondSeesTheConflictAndKeepsTheirOwnDeliberately()
    {
        await using var first = await fixture.OpenSessionAsync();
        await using var second = await fixture.OpenSessionAsync();
        await LogInAsync(first.Page, DemoAccounts.Analyst);
        await LogInAsync(second.Page, DemoAccounts.Analyst);
        var title = $"Conflict check {NewToken()}";
        var creator = await DealEditorPage.OpenAsync(first.Page);
        await creator.Title.FillAsync(title);
        var id = await creator.SaveAndOpenDealAsync();

        var firstEditor = await DealEditorPage.OpenAsync(first.Page, id);
        var secondEditor = await DealEditorPage.OpenAsync(second.Page, id);
        await firstEditor.Notes.FillAsync("The first analyst's reading.");
        await firstEditor.SaveAndOpenDealAsync();
        await secondEditor.Notes.FillAsync("The second analyst's reading.");
        await secondEditor.Save.ClickAsync();

        await Expect(secondEditor.Conflict).ToBeVisibleAsync();
        await Expect(secondEditor.ConflictWho).ToContainTextAsync(DemoAccounts.Analyst.UserName);
        await Expect(second.Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Not saved:" })).ToContainTextAsync(
            $"{DemoAccounts.Analyst.UserName} saved this deal while you were editing");
        await Expect(secondEditor.DifferingFields).ToHaveCountAsync(1);
        await Expect(secondEditor.DifferingFields).ToContainTextAsync("The first analyst's reading.");
        await Expect(secondEditor.DifferingFields).ToContainTextAsync("The second analyst's reading.");
        await SaveScreenshotAsync(second.Page, "deal-conflict.png");

        await Expect(secondEditor.SaveMerged).ToBeDisabledAsync();
        await secondEditor.KeepYours("Notes").CheckAsync();
        await secondEditor.SaveMerged.ClickAsync();

        await Expect(second.Page).ToHaveURLAsync(DealEditorPage.DealAddress());
        await DealDetailPage.WaitForAsync(second.Page, title);
        await Expect(second.Page.GetByTestId("deal-notes")).ToHaveTextAsync("The second analyst's reading.");
        await second.Page.GetByRole(AriaRole.Tab).Filter(new() { HasTextRegex = HistoryTab() }).ClickAsync();
        await Expect(second.Page.GetByTestId("history-entry").First).ToContainTextAsync(
            $"Reason: Saved over {DemoAccounts.Analyst.UserName}'s change of");

        await DeleteAsync(second.Page);
        Assert.Empty(first.PageErrors);
        Assert.Empty(second.PageErrors);
    }

    [Fact]
    public async Task Analyst_LosesTheCircuitMidEdit_GetsTheUnsavedChangesOfferedBackAndSavesThem()
    {
        await using var session = await fixture.OpenSessionAsync();
        var page = session.Page;
        await LogInAsync(page, DemoAccounts.Analyst);
        var title = $"Draft check {NewToken()}";
        var creator = await DealEditorPage.OpenAsync(page);
        await creator.Title.FillAsync(title);
        var id = await creator.SaveAndOpenDealAsync();
        const string notes = "Written just before the connection dropped.";

        var editor = await DealEditorPage.OpenAsync(page, id);
        await editor.Notes.FillAsync(notes);
        await editor.Notes.PressAsync("Tab");
        // The counter is the server's answer: the change reached the circuit.
        await Expect(page.GetByText($"{notes.Length} / 4000")).ToBeVisibleAsync();
        await page.ReloadAsync();

        var offer = page.GetByTestId("draft-offer");
        await Expect(offer).ToContainTextAsync("not saved");
        await Expect(editor.Notes).ToHaveValueAsync(string.Empty);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await SaveScreenshotAsync(page, "deal-draft-offer.png");
        await offer.GetByRole(AriaRole.Button, new() { Name = "Restore my changes" }).ClickAsync();
        await Expect(editor.Notes).ToHaveValueAsync(notes);
        await Expect(offer).ToHaveCountAsync(0);
        Assert.Equal(id, await editor.SaveAndOpenDealAsync());

        await Expect(page.GetByTestId("deal-notes")).ToHaveTextAsync(notes);
        await DeleteAsync(page);
        Assert.Empty(session.PageErrors);
    }

    [Fact]
    public async Task Viewer_SeesNoDealEditControlsAndIsRefusedTheEditor()
    {
        await using var session = await fixture.OpenSessionAsync();
        var page = session.Page;
        await LogInAsync(page, DemoAccounts.Viewer);

        await DealsPage.OpenAsync(page);
        await Expect(page.GetByTestId("new-deal")).ToHaveCountAsync(0);
        await page.GotoAsync("deals/1");
        await Expect(page.GetByTestId("deal-title")).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Expect(page.GetByTestId("deal-actions")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("edit-deal")).ToHaveCountAsync(0);

        await page.GotoAsync("deals/1/edit");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Access denied" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("deal-editor")).ToHaveCountAsync(0);
    }

    /// <summary>Deletes the open deal from its page, checks the deleted page offers Restore, and leaves it deleted.</summary>
    private static async Task DeleteAsync(IPage page)
    {
        await page.GetByTestId("delete-deal").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Expect(page.GetByTestId("deal-deleted")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("restore-deal")).ToBeVisibleAsync();
    }

    private static async Task LogInAsync(IPage page, DemoAccount account)
    {
        await page.GotoAsync("account/login");
        await new LoginPage(page).LogInAsync(account.UserName, account.Password);
        await Expect(new AccountBar(page).UserName).ToHaveTextAsync(account.DisplayName);
    }

    private static string NewToken() => Guid.NewGuid().ToString("N")[..8];

    private static async Task SaveScreenshotAsync(IPage page, string fileName)
    {
        Directory.CreateDirectory(E2EFixture.ScreenshotFolder);
        var path = Path.Combine(E2EFixture.ScreenshotFolder, fileName);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true, Animations = ScreenshotAnimations.Disabled });
        TestContext.Current.SendDiagnosticMessage($"Screenshot: {path}");
    }

    [GeneratedRegex("/deals/new$")]
    private static partial Regex NewDealAddress();

    [GeneratedRegex("^History")]
    private static partial Regex HistoryTab();
}
