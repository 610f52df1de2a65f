using System.Text;
using AiDeals.Core.Domain;
using AiDeals.Core.Features.Accounts;
using AiDeals.E2E.Tests.Infrastructure;
using AiDeals.E2E.Tests.Pages;
using AiDeals.Web;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AiDeals.E2E.Tests;

/// <summary>
/// Long text in a real browser: a field filled to its limit with non-ASCII text travels over the circuit and saves, and
/// a paste far beyond the limit stops at the field's maxlength instead of taking the circuit down. Each test works on a
/// deal of its own and deletes it at the end.
/// </summary>
public sealed class LongTextTests(E2EFixture fixture)
{
    [Theory]
    [InlineData("€")]
    [InlineData("中")]
    public async Task Analyst_FillsNotesToTheLimitWithNonAsciiText_SavesThemAndSeesThemOnTheDealPage(string character)
    {
        await using var session = await fixture.OpenSessionAsync();
        var page = session.Page;
        var largestFrame = TrackLargestFrameSent(page);
        await LogInAsync(page);
        var title = $"Long notes {Guid.NewGuid().ToString("N")[..8]}";
        var notes = string.Concat(Enumerable.Repeat(character, DealLimits.Notes));
        var editor = await DealEditorPage.OpenAsync(page);
        await editor.Title.FillAsync(title);

        await editor.Notes.FillAsync(notes);
        await editor.SaveAndOpenDealAsync();

        await DealDetailPage.WaitForAsync(page, title);
        await Expect(page.GetByTestId("deal-notes")).ToHaveTextAsync(notes);
        var noteBytes = Encoding.UTF8.GetByteCount(notes);
        TestContext.Current.SendDiagnosticMessage(
            $"Notes of {DealLimits.Notes:N0} × '{character}' = {noteBytes:N0} bytes of UTF-8; largest circuit message sent: {largestFrame():N0} bytes.");
        Assert.InRange(largestFrame(), noteBytes, CircuitLimits.MaximumReceiveMessageSize / 2);
        await DeleteAsync(page);
        Assert.Empty(session.PageErrors);
    }

    [Fact]
    public async Task Analyst_Fills40000CharactersIntoNotes_TheFieldStopsAtTheLimitAndTheDealStillSaves()
    {
        await using var session = await fixture.OpenSessionAsync();
        var page = session.Page;
        await LogInAsync(page);
        var title = $"Pasted notes {Guid.NewGuid().ToString("N")[..8]}";
        var editor = await DealEditorPage.OpenAsync(page);
        await editor.Title.FillAsync(title);

        await editor.Notes.FillAsync(new string('中', 40_000));

        Assert.Equal(DealLimits.Notes, await editor.Notes.EvaluateAsync<int>("field => field.value.length"));
        await editor.SaveAndOpenDealAsync();
        await DealDetailPage.WaitForAsync(page, title);
        await Expect(page.GetByTestId("deal-notes")).ToHaveTextAsync(new string('中', DealLimits.Notes));
        await DeleteAsync(page);
        Assert.Empty(session.PageErrors);
    }

    [Fact]
    public async Task Analyst_FillsNotesWithControlCharacters_SeesTheFieldsMessageAndTheCircuitLives()
    {
        await using var session = await fixture.OpenSessionAsync();
        var page = session.Page;
        var largestFrame = TrackLargestFrameSent(page);
        await LogInAsync(page);
        var editor = await DealEditorPage.OpenAsync(page);
        await editor.Title.FillAsync($"Control notes {Guid.NewGuid().ToString("N")[..8]}");

        // Each U+0001 travels as the six characters \u0001: the message is six times the field's length.
        await SetNotesAsync(editor, "String.fromCharCode(1).repeat(4000)");
        await editor.Save.ClickAsync();

        await Expect(page.GetByText("Remove the hidden character U+0001 at position 1.")).ToBeVisibleAsync();
        await editor.Title.FillAsync("Still connected");
        await Expect(editor.Title).ToHaveValueAsync("Still connected");
        TestContext.Current.SendDiagnosticMessage(
            $"Notes of 4,000 × U+0001: largest circuit message sent: {largestFrame():N0} bytes (SignalR's default limit is 32,768).");
        Assert.InRange(largestFrame(), 32 * 1024, CircuitLimits.MaximumReceiveMessageSize);
        Assert.Empty(session.PageErrors);
    }

    [Fact]
    public async Task Analyst_FillsNotesWithHalvesOfSurrogatePairs_TheyArriveAsReplacementCharactersAndSave()
    {
        await using var session = await fixture.OpenSessionAsync();
        var page = session.Page;
        await LogInAsync(page);
        var title = $"Broken notes {Guid.NewGuid().ToString("N")[..8]}";
        var editor = await DealEditorPage.OpenAsync(page);
        await editor.Title.FillAsync(title);

        // The server's JSON reader refuses a lone surrogate; the page mends it before Blazor sends the field.
        await SetNotesAsync(editor, "'Rocket \\uD83D and \\uDE80 apart'");
        await editor.SaveAndOpenDealAsync();

        await DealDetailPage.WaitForAsync(page, title);
        await Expect(page.GetByTestId("deal-notes")).ToHaveTextAsync("Rocket \uFFFD and \uFFFD apart");
        await DeleteAsync(page);
        Assert.Empty(session.PageErrors);
    }

    // Set in the page, not typed: Playwright's own messages would mend a lone surrogate before the page sees it.
    private static Task SetNotesAsync(DealEditorPage editor, string expression) =>
        editor.Notes.EvaluateAsync(
            $"field => {{ field.value = {expression}; field.dispatchEvent(new Event('change', {{ bubbles: true }})); }}");

    /// <summary>The size of the largest WebSocket message the page has sent so far (the circuit's messages).</summary>
    private static Func<int> TrackLargestFrameSent(IPage page)
    {
        var largest = 0;
        page.WebSocket += (_, socket) => socket.FrameSent += (_, frame) =>
        {
            var size = frame.Binary?.Length ?? Encoding.UTF8.GetByteCount(frame.Text ?? string.Empty);
            Interlocked.Exchange(ref largest, Math.Max(Volatile.Read(ref largest), size));
        };
        return () => Volatile.Read(ref largest);
    }

    private static async Task LogInAsync(IPage page)
    {
        await page.GotoAsync("account/login");
        await new LoginPage(page).LogInAsync(DemoAccounts.Analyst.UserName, DemoAccounts.Analyst.Password);
        await Expect(new AccountBar(page).UserName).ToHaveTextAsync(DemoAccounts.Analyst.DisplayName);
    }

    private static async Task DeleteAsync(IPage page)
    {
        await page.GetByTestId("delete-deal").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Expect(page.GetByTestId("deal-deleted")).ToBeVisibleAsync();
    }
}
