using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AiDeals.E2E.Tests.Pages;

/// <summary>The deal list at <c>/deals</c>: its filters, sort headers, count, grid, pager and CSV export.</summary>
public sealed partial class DealsPage(IPage page)
{
    private const int OpenSelectAttempts = 5;

    // Cells are read in one script call, so a row is never half old and half new while Blazor re-renders the grid.
    // A row with a single cell is the grid's "loading" or "no deal matches" placeholder, not a deal.
    private const string ReadRowsScript = """
        rows => rows
            .filter(row => row.cells.length > 1)
            .map(row => {
                const cells = Array.from(row.cells);
                const text = cell => (cell ? cell.innerText : '').trim();
                const title = cells[0].querySelector('p');
                return [
                    title ? title.innerText.trim() : text(cells[0]),
                    text(cells[1]),
                    Array.from(cells[2].querySelectorAll('.mud-chip-content'), chip => chip.innerText.trim()).join('\n'),
                    text(cells[3]),
                    text(cells[4]),
                    text(cells[5]),
                    text(cells[6]),
                ];
            })
        """;

    public IPage Page => page;

    /// <summary>The investor type-ahead; investors picked show as buttons that remove them (<see cref="InvestorChips"/>).</summary>
    public ILocator InvestorFilter => page.GetByRole(AriaRole.Combobox, new() { Name = "Filter by investor" });

    public ILocator InvestorChips => page.GetByTestId("investor-filter-chip");

    public ILocator TextFilter => page.GetByRole(AriaRole.Textbox, new() { Name = "Search title, notes and names" });

    public ILocator MinAmountFilter => page.GetByRole(AriaRole.Textbox, new() { Name = "Amount at least" });

    public ILocator MaxAmountFilter => page.GetByRole(AriaRole.Textbox, new() { Name = "Amount at most" });

    public ILocator ExportLink => page.GetByRole(AriaRole.Link, new() { Name = "Export CSV" });

    public ILocator StatusFilter => page.GetByRole(AriaRole.Combobox, new() { Name = "Filter by status" });

    /// <summary>"6 deals" above the grid; "Loading…" until the interactive grid has loaded its first page.</summary>
    public ILocator DealCount => page.GetByTestId("deal-count");

    /// <summary>The grid's body rows (the header row has column headers, not cells).</summary>
    public ILocator Rows => page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Cell) });

    /// <summary>
    /// Opens <c>/deals</c> with an optional query (e.g. <c>?investor=softbank</c>) and waits until the grid is interactive.
    /// </summary>
    public static async Task<DealsPage> OpenAsync(IPage page, string query = "")
    {
        await page.GotoAsync("deals" + query);
        var deals = new DealsPage(page);
        await deals.WaitUntilInteractiveAsync();
        return deals;
    }

    /// <summary>
    /// The page is prerendered with its rows and count, so those say nothing about the circuit; the layout's theme
    /// attribute leaves "pending" only after its first interactive render, when the filters answer typing and clicks.
    /// (Typing before that is lost when the circuit takes the page over.)
    /// </summary>
    public async Task WaitUntilInteractiveAsync()
    {
        await Expect(page.Locator("[data-theme='light'], [data-theme='dark']")).ToHaveCountAsync(1);
        await Expect(DealCount).ToHaveTextAsync(LoadedCount());
    }

    /// <summary>
    /// Types <paramref name="typed"/> (part of a name or an alias) into the Investor filter and picks the organization
    /// called <paramref name="name"/> from the suggestions.
    /// </summary>
    public async Task ChooseInvestorAsync(string name, string? typed = null)
    {
        var option = page.GetByRole(AriaRole.Option).Filter(new() { HasText = name });
        var chip = InvestorChips.Filter(new() { HasText = name });

        // A re-render that lands while the text goes in can overtake it (the field shows its old value and no search
        // runs): type it again until the suggestions come.
        for (var attempt = 1; ; attempt++)
        {
            await InvestorFilter.FillAsync(typed ?? name);
            try
            {
                await Expect(option.First).ToBeVisibleAsync(new() { Timeout = 6_000 });
                break;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
                await InvestorFilter.FillAsync(string.Empty);
            }
        }

        // The suggestion list re-renders when its search finishes; a click on the list being replaced is lost, so
        // click again until the pick shows as a chip.
        await option.First.ClickAsync();
        for (var attempt = 1; ; attempt++)
        {
            if (attempt > 1 && await option.CountAsync() > 0)
            {
                await option.First.ClickAsync();
            }

            try
            {
                await Expect(chip).ToBeVisibleAsync(new() { Timeout = 5_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
            }
        }
    }

    /// <summary>Types an amount such as "20B" into "Amount at least" and leaves the field, which applies it.</summary>
    public async Task SetMinAmountAsync(string amount)
    {
        await MinAmountFilter.FillAsync(amount);
        await MinAmountFilter.PressAsync("Tab");
    }

    /// <summary>Clicks a column header (e.g. "Amount"), which sorts by it or turns its order round.</summary>
    public async Task SortByAsync(string column) =>
        await page.GetByRole(AriaRole.Columnheader).GetByRole(AriaRole.Link).Filter(new() { HasText = column }).ClickAsync();

    /// <summary>Ticks or unticks one status (by its label, e.g. "In talks") in the Status filter and closes the list.</summary>
    public async Task ToggleStatusAsync(string label)
    {
        await OpenSelectAsync(StatusFilter);
        await ToggleOptionAsync(page.GetByRole(AriaRole.Listbox).GetByRole(AriaRole.Option, new() { Name = label, Exact = true }));
        await CloseSelectAsync(StatusFilter);
    }

    /// <summary>The rows the grid shows now.</summary>
    public async Task<IReadOnlyList<DealRow>> ReadDealsAsync()
    {
        var cells = await Rows.EvaluateAllAsync<string[][]>(ReadRowsScript);
        return [.. cells.Select(c => new DealRow(
            c[0], c[1], c[2].Split('\n', StringSplitOptions.RemoveEmptyEntries), c[3], c[4], c[5], c[6]))];
    }

    /// <summary>
    /// Waits until the grid shows exactly these titles (in any order) and returns its rows; after the timeout it
    /// returns what the grid shows then, for the test's assertion to report.
    /// </summary>
    public async Task<IReadOnlyList<DealRow>> WaitForDealsAsync(IEnumerable<string> expectedTitles, TimeSpan? timeout = null)
    {
        var expected = expectedTitles.Order(StringComparer.Ordinal).ToList();
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            try
            {
                var rows = await ReadDealsAsync();
                if (rows.Select(r => r.Title).Order(StringComparer.Ordinal).SequenceEqual(expected) || DateTime.UtcNow > deadline)
                {
                    return rows;
                }
            }
            catch (PlaywrightException) when (DateTime.UtcNow <= deadline)
            {
                // The grid was being re-rendered while it was read: read it again.
            }

            await Task.Delay(100);
        }
    }

    /// <summary>
    /// Waits until the grid shows exactly these titles in this order and returns them; after the timeout it returns what
    /// the grid shows then, for the test's assertion to report.
    /// </summary>
    public async Task<IReadOnlyList<string>> WaitForOrderAsync(IEnumerable<string> expectedTitles, TimeSpan? timeout = null)
    {
        var expected = expectedTitles.ToList();
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            try
            {
                var titles = (await ReadDealsAsync()).Select(r => r.Title).ToList();
                if (titles.SequenceEqual(expected) || DateTime.UtcNow > deadline)
                {
                    return titles;
                }
            }
            catch (PlaywrightException) when (DateTime.UtcNow <= deadline)
            {
                // The grid was being re-rendered while it was read: read it again.
            }

            await Task.Delay(100);
        }
    }

    // A click that lands just before MudBlazor has wired the select up is lost; click again until the list opens.
    private async Task OpenSelectAsync(ILocator select)
    {
        for (var attempt = 1; ; attempt++)
        {
            await select.ClickAsync();
            try
            {
                await Expect(page.GetByRole(AriaRole.Listbox)).ToBeVisibleAsync(new() { Timeout = 3_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < OpenSelectAttempts)
            {
            }
        }
    }

    // The select has taken the click once the option shows its new state; only then is it safe to close the list.
    private static async Task ToggleOptionAsync(ILocator option)
    {
        var selected = await option.GetAttributeAsync("aria-selected") == "true";
        await option.ClickAsync();
        await Expect(option).ToHaveAttributeAsync("aria-selected", selected ? "false" : "true");
    }

    // The select listens for Escape on its own input, not on the list (which lives in the popover layer),
    // so the key is pressed with the input focused. Pressed again if the first one raced a re-render.
    private async Task CloseSelectAsync(ILocator select)
    {
        for (var attempt = 1; ; attempt++)
        {
            await select.PressAsync("Escape");
            try
            {
                await Expect(page.GetByRole(AriaRole.Listbox)).ToBeHiddenAsync(new() { Timeout = 3_000 });
                break;
            }
            catch (PlaywrightException) when (attempt < OpenSelectAttempts)
            {
            }
        }

        await Expect(select).ToHaveAttributeAsync("aria-expanded", "false");
    }

    [GeneratedRegex(@"^\d[\d  ]* deals?$")]
    private static partial Regex LoadedCount();
}
