using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AiDeals.E2E.Tests.Pages;

/// <summary>The deal editor at <c>/deals/new</c> and <c>/deals/{id}/edit</c> (analysts only), with its conflict panel.</summary>
public sealed partial class DealEditorPage(IPage page)
{
    public IPage Page => page;

    public ILocator Form => page.GetByTestId("deal-editor");

    public ILocator Title => page.GetByRole(AriaRole.Textbox, new() { Name = "Title", Exact = true });

    public ILocator AmountQualifier => page.GetByRole(AriaRole.Combobox, new() { Name = "Amount qualifier" });

    public ILocator AmountLow => page.GetByRole(AriaRole.Textbox, new() { Name = "Amount low" });

    public ILocator AmountHigh => page.GetByRole(AriaRole.Textbox, new() { Name = "Amount high" });

    public ILocator Announced => page.GetByRole(AriaRole.Textbox, new() { Name = "Announced" });

    public ILocator Notes => page.GetByRole(AriaRole.Textbox, new() { Name = "Notes" });

    public ILocator Save => page.GetByTestId("save-deal");

    public ILocator Conflict => page.GetByTestId("conflict-panel");

    public ILocator ConflictWho => page.GetByTestId("conflict-who");

    public ILocator DifferingFields => Conflict.Locator("tr[data-differs=true]");

    public ILocator SaveMerged => page.GetByRole(AriaRole.Button, new() { Name = "Save merged" });

    /// <summary>The choice, in a field both analysts changed, to keep this analyst's value ("Notes").</summary>
    public ILocator KeepYours(string field) =>
        Conflict.GetByRole(AriaRole.Radiogroup, new() { Name = $"Keep for {field}" }).GetByRole(AriaRole.Radio, new() { Name = "Yours" });

    public static async Task<DealEditorPage> OpenAsync(IPage page, int? id = null)
    {
        await page.GotoAsync(id is { } dealId ? $"deals/{dealId.ToString(CultureInfo.InvariantCulture)}/edit" : "deals/new");
        var editor = new DealEditorPage(page);
        await Expect(editor.Form).ToBeVisibleAsync();

        // Prerendered first: the fields take typing only once the circuit is up, which the layout's theme attribute
        // (it leaves "pending" on the first interactive render) says; network quiet alone does not.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Expect(page.Locator("[data-theme='light'], [data-theme='dark']")).ToHaveCountAsync(1);
        return editor;
    }

    /// <summary>Picks how sure the amount is ("Range", "Exact", …), clicking again if the list opened before the circuit answered.</summary>
    public async Task ChooseQualifierAsync(string label)
    {
        var option = page.GetByRole(AriaRole.Option, new() { Name = label, Exact = true });
        for (var attempt = 1; ; attempt++)
        {
            await AmountQualifier.ClickAsync();
            try
            {
                await Expect(option).ToBeVisibleAsync(new() { Timeout = 3_000 });
                break;
            }
            catch (PlaywrightException) when (attempt < 5)
            {
            }
        }

        await option.ClickAsync();
        await Expect(AmountQualifier).ToHaveValueAsync(label);
    }

    /// <summary>Types an amount ("2.5B") and leaves the field, which reads it.</summary>
    public static async Task TypeAmountAsync(ILocator field, string amount)
    {
        await field.FillAsync(amount);
        await field.PressAsync("Tab");
    }

    /// <summary>Saves and waits for the deal's page; returns the deal's id.</summary>
    public async Task<int> SaveAndOpenDealAsync()
    {
        await Save.ClickAsync();
        await Expect(page).ToHaveURLAsync(DealAddress());
        return int.Parse(DealAddress().Match(page.Url).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"/deals/(\d+)$")]
    public static partial Regex DealAddress();
}
