using AiDeals.E2E.Tests.Infrastructure;
using AiDeals.E2E.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AiDeals.E2E.Tests;

/// <summary>
/// The navigation drawer at a phone's width, where it opens over the page, and at a desktop's, where it lies beside it.
/// The stylesheet decides which from the width; each width has its own menu button, which says whether the drawer is open.
/// </summary>
public sealed class NavigationDrawerTests(E2EFixture fixture)
{
    [Fact]
    public async Task Phone_DrawerClosed_MenuOpensIt_AndEscapeTheOverlayOrALinkClosesIt()
    {
        await using var session = await fixture.OpenSessionAsync();
        var page = session.Page;
        await page.SetViewportSizeAsync(390, 844);
        await DashboardPage.OpenAsync(page);
        var drawer = new NavigationDrawer(page);

        // Closed at first, its links out of sight and out of the Tab order.
        await Expect(drawer.Navigation).ToBeHiddenAsync();
        await Expect(drawer.Overlay).ToBeHiddenAsync();
        Assert.False(await TabsIntoTheDrawerAsync(page, drawer), "Tab reached a link of the closed drawer.");

        // Opened by the menu button, over the dimmed page; Tab reaches its links; Escape closes it and gives the focus back.
        await Expect(drawer.MenuButton).ToHaveAttributeAsync("aria-expanded", "false");
        await drawer.MenuButton.ClickAsync();
        await Expect(drawer.Navigation).ToBeVisibleAsync();
        await Expect(drawer.Overlay).ToBeVisibleAsync();
        await Expect(drawer.MenuButton).ToHaveAttributeAsync("aria-expanded", "true");
        Assert.True(await TabsIntoTheDrawerAsync(page, drawer), "Tab did not reach the open drawer's links.");
        await page.Keyboard.PressAsync("Escape");
        await Expect(drawer.Navigation).ToBeHiddenAsync();
        await Expect(drawer.MenuButton).ToBeFocusedAsync();
        await Expect(drawer.MenuButton).ToHaveAttributeAsync("aria-expanded", "false");

        // Open, then the phone turned sideways past 960 pixels: the drawer lies beside the page, nothing dimmed; turned
        // back, it is open over the page as it was left.
        await drawer.MenuButton.ClickAsync();
        await page.SetViewportSizeAsync(1280, 800);
        await Expect(drawer.Navigation).ToBeVisibleAsync();
        await Expect(drawer.Overlay).ToBeHiddenAsync();
        await Expect(drawer.MenuButton).ToHaveAttributeAsync("aria-expanded", "true");
        await page.WaitForFunctionAsync("() => document.getElementById('main-content').getBoundingClientRect().left >= 240");
        await page.SetViewportSizeAsync(390, 844);
        await Expect(drawer.Navigation).ToBeVisibleAsync();
        await Expect(drawer.Overlay).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(drawer.Navigation).ToBeHiddenAsync();

        // A click on the dimmed page beside the drawer closes it.
        await drawer.MenuButton.ClickAsync();
        await Expect(drawer.Navigation).ToBeVisibleAsync();
        await drawer.Overlay.ClickAsync(new() { Position = new() { X = 350, Y = 500 } });
        await Expect(drawer.Navigation).ToBeHiddenAsync();
        await Expect(drawer.Overlay).ToBeHiddenAsync();

        // A link followed opens its page with the drawer closed.
        await drawer.MenuButton.ClickAsync();
        await drawer.Link("Organizations").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Organizations", Level = 1 })).ToBeVisibleAsync();
        await Expect(drawer.Navigation).ToBeHiddenAsync();
        await Expect(drawer.Overlay).ToBeHiddenAsync();

        Assert.Empty(session.PageErrors);
    }

    [Fact]
    public async Task Desktop_DrawerBesideThePage_MenuHidesAndShowsIt()
    {
        await using var session = await fixture.OpenSessionAsync();
        var page = session.Page;
        await DashboardPage.OpenAsync(page);
        var drawer = new NavigationDrawer(page);

        // Open beside the page (which starts after its 240 pixels), with nothing dimmed.
        await Expect(drawer.Navigation).ToBeVisibleAsync();
        await Expect(drawer.Overlay).ToBeHiddenAsync();
        Assert.True(await drawer.ContentLeftAsync() >= 240, "The page starts under the open drawer.");

        await Expect(drawer.MenuButton).ToHaveAttributeAsync("aria-expanded", "true");
        await drawer.MenuButton.ClickAsync();
        await Expect(drawer.Navigation).ToBeHiddenAsync();
        await Expect(drawer.Overlay).ToBeHiddenAsync();
        await Expect(drawer.MenuButton).ToHaveAttributeAsync("aria-expanded", "false");
        await page.WaitForFunctionAsync("() => document.getElementById('main-content').getBoundingClientRect().left < 100");

        // Escape is no key of a drawer beside the page: hidden it stays.
        await page.Keyboard.PressAsync("Escape");
        await drawer.MenuButton.ClickAsync();
        await Expect(drawer.Navigation).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => document.getElementById('main-content').getBoundingClientRect().left >= 240");

        // Following a link leaves it open beside the new page.
        await drawer.Link("Deals").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Deals", Level = 1 })).ToBeVisibleAsync();
        await Expect(drawer.Navigation).ToBeVisibleAsync();

        Assert.Empty(session.PageErrors);
    }

    // Tabs from the menu button through the app bar (a few stops) and on; true if the focus lands in the drawer.
    private static async Task<bool> TabsIntoTheDrawerAsync(IPage page, NavigationDrawer drawer)
    {
        await drawer.MenuButton.FocusAsync();
        for (var i = 0; i < 8; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await drawer.HasFocusAsync())
            {
                return true;
            }
        }

        return false;
    }
}
