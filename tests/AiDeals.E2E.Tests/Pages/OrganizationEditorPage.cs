using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AiDeals.E2E.Tests.Pages;

/// <summary>The organization editor at <c>/organizations/{slug}/edit</c> (analysts only).</summary>
public sealed class OrganizationEditorPage(IPage page)
{
    public ILocator Form => page.GetByTestId("organization-editor");

    public ILocator Description => page.GetByLabel("Description");

    public ILocator Save => page.GetByRole(AriaRole.Button, new() { Name = "Save changes" });

    public static async Task<OrganizationEditorPage> OpenAsync(IPage page, string slug)
    {
        await page.GotoAsync($"organizations/{slug}/edit");
        var editor = new OrganizationEditorPage(page);
        await Expect(editor.Form).ToBeVisibleAsync();

        // Prerendered first: the fields take typing only once the circuit is up.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        return editor;
    }
}
