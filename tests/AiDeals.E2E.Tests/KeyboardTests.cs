using AiDeals.Core.Features.Accounts;
using AiDeals.E2E.Tests.Infrastructure;
using AiDeals.E2E.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AiDeals.E2E.Tests;

/// <summary>The app with the keyboard alone: the skip link, and an analyst who logs in and edits a deal's notes without a mouse.</summary>
public sealed class KeyboardTests(E2EFixture fixture)
{
    // What the focused element is called: its label, aria-label or text, whichever it has.
    private const string FocusedName = """
        () => {
            const e = document.activeElement;
            if (!e) return '';
            const label = e.labels && e.labels.length ? e.labels[0].innerText : '';
            return (e.getAttribute('aria-label') || label || e.innerText || '').trim();
        }
        """;

    [Fact]
    public async Task SkipLink_ShowsWhenFocused_AndMovesTheFocusPastTheNavigation()
    {
        await using var session = await fixture.OpenSessionAsync();
        var page = session.Page;
        await page.GotoAsync("deals/1");
        await AccessibilityTests.ReadyAsync(page, "light");
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Skip to content" });
        await Expect(skip).Not.ToBeInViewportAsync();

        // A page opens with the focus on its heading; the skip link is the first stop before the app bar.
        await TabToAsync(page, "Skip to content", "Shift+Tab");
        await Expect(skip).ToBeInViewportAsync();
        await page.Keyboard.PressAsync("Enter");

        // The circuit moves the focus (a round trip); a person's next key comes after it has.
        await page.WaitForFunctionAsync("() => document.activeElement && document.activeElement.id === 'main-content'");
        await page.Keyboard.PressAsync("Tab");

        Assert.True(await page.EvaluateAsync<bool>("() => document.getElementById('main-content').contains(document.activeElement)"),
            "After the skip link, Tab went to: " + await page.EvaluateAsync<string>(FocusedName));
    }

    [Fact]
    public async Task Analyst_LogsInAndEditsADealsNotes_WithTheKeyboardAlone()
    {
        await using var session = await fixture.OpenSessionAsync();
        var page = session.Page;
        await page.GotoAsync("account/login");
        await Expect(new LoginPage(page).Heading).ToBeVisibleAsync();

        await TabToAsync(page, "Email");
        await page.Keyboard.TypeAsync(DemoAccounts.Analyst.UserName);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(DemoAccounts.Analyst.Password);
        await page.Keyboard.PressAsync("Enter");
        await Expect(new AccountBar(page).UserName).ToHaveTextAsync(DemoAccounts.Analyst.DisplayName);

        await FocusLog.StartAsync(page.Context);
        await DealEditorPage.OpenAsync(page, 6);
        var addition = " Checked with the keyboard " + Guid.NewGuid().ToString("N")[..6] + ".";
        await TabToAsync(page, "Notes");
        await page.Keyboard.PressAsync("ControlOrMeta+End");

        var notes = page.GetByRole(AriaRole.Textbox, new() { Name = "Notes" });
        var source = page.Locator("input[aria-label='Citation 1 source']");
        var sourceBefore = await source.InputValueAsync();
        var typed = new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(addition) + "$");
        await page.Keyboard.TypeAsync(addition, new() { Delay = 40 });

        try
        {
            await Expect(notes).ToHaveValueAsync(typed);
        }
        catch (PlaywrightException e)
        {
            // A picker tabbed past once took the focus back when the server answered late (the log showed "blur
            // TEXTAREA[Notes], to INPUT[Citation 1 source]" with no key pressed): the log says where the keys went.
            Assert.Fail(e.Message + Environment.NewLine + "Focus log:" + Environment.NewLine + await FocusLog.ReadAsync(page));
        }

        // The citation's source is the one the deal had.
        await Expect(source).ToHaveValueAsync(sourceBefore);

        await TabToAsync(page, "Save changes");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new Uri(fixture.BaseAddress, "deals/6").ToString());
        await Expect(page.GetByTestId("deal-notes")).ToContainTextAsync(addition.Trim());

        // Tabbing through the pickers on the way to Notes changed nothing else: no wider deal picked, the same investor.
        await Expect(page.GetByTestId("umbrella-note")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("deal-participants")).ToContainTextAsync("SoftBank");
        await Expect(page.GetByTestId("deal-amount").First).ToHaveTextAsync("$16B");
        Assert.Empty(session.PageErrors);
    }

    [Fact]
    public async Task TabbingThroughTheEditor_WithPausesOnThePickers_PicksNothing()
    {
        await using var session = await fixture.OpenSessionAsync();
        var page = session.Page;
        await AccessibilityTests.LogInAsync(page, "analyst");
        var editor = await DealEditorPage.OpenAsync(page, 6);
        var target = page.Locator("input[aria-label='Target']");
        var investor = page.Locator("input[aria-label='Participant 1 organization']");
        await Expect(target).ToHaveValueAsync("WeWork");
        await Expect(investor).ToHaveValueAsync("SoftBank Group");

        // A person reading each field before moving on: a picker that opened its list on focus would, after the pause,
        // take its highlighted match on Tab (the first deal as a wider deal; another organization as the target).
        await editor.Title.FocusAsync();
        for (var i = 0; i < 40 && await page.EvaluateAsync<string>(FocusedName) != "Notes"; i++)
        {
            await page.WaitForTimeoutAsync(600);
            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Equal("Notes", await page.EvaluateAsync<string>(FocusedName));
        await Expect(page.GetByRole(AriaRole.Listbox)).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("wider-deal-chip")).ToHaveCountAsync(0);
        await Expect(target).ToHaveValueAsync("WeWork");
        await Expect(investor).ToHaveValueAsync("SoftBank Group");
        Assert.Empty(session.PageErrors);
    }

    [Fact]
    public async Task Dialog_KeepsTheFocusInside_AndGivesItBackOnEscape()
    {
        await using var session = await fixture.OpenSessionAsync();
        var page = session.Page;
        await AccessibilityTests.LogInAsync(page, "analyst");
        await page.GotoAsync("deals/1");
        await AccessibilityTests.ReadyAsync(page, "light");
        var opener = page.GetByTestId("delete-deal");
        await opener.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToBeVisibleAsync();

        const string InDialog = "() => !!document.activeElement && !!document.activeElement.closest('[role=dialog]')";
        await page.WaitForFunctionAsync(InDialog);
        for (var i = 0; i < 12; i++)
        {
            await page.Keyboard.PressAsync(i % 3 == 2 ? "Shift+Tab" : "Tab");
            Assert.True(await page.EvaluateAsync<bool>(InDialog), "Tab left the dialog for: " + await page.EvaluateAsync<string>(FocusedName));
        }

        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(opener).ToBeFocusedAsync();
        Assert.Empty(session.PageErrors);
    }

    /// <summary>Presses Tab (or <paramref name="key"/>) until the element named <paramref name="name"/> has the focus (at most 80 times), as a keyboard user would.</summary>
    private static async Task TabToAsync(IPage page, string name, string key = "Tab")
    {
        var seen = new List<string>();
        for (var i = 0; i < 80; i++)
        {
            await page.Keyboard.PressAsync(key);
            var focused = await page.EvaluateAsync<string>(FocusedName);

            // Buttons show their text in capitals (CSS), which innerText reports.
            if (string.Equals(focused, name, StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            seen.Add(focused);
        }

        Assert.Fail($"Tab never reached \"{name}\"; it reached: {string.Join(" | ", seen)}");
    }
}
