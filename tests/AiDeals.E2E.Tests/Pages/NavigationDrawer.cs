using Microsoft.Playwright;

namespace AiDeals.E2E.Tests.Pages;

/// <summary>The layout's navigation drawer, its menu button in the app bar and the overlay that dims the page under it.</summary>
public sealed class NavigationDrawer(IPage page)
{
    public ILocator MenuButton => page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" });

    public ILocator Navigation => page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" });

    public ILocator Link(string name) => Navigation.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    public ILocator Overlay => page.Locator(".app-drawer-overlay");

    /// <summary>Whether the focused element is inside the drawer.</summary>
    public Task<bool> HasFocusAsync() =>
        page.EvaluateAsync<bool>("() => document.getElementById('app-drawer').contains(document.activeElement)");

    /// <summary>Where the page's content starts from the left, in pixels (beside an open drawer, after its width).</summary>
    public Task<double> ContentLeftAsync() =>
        page.EvaluateAsync<double>("() => document.getElementById('main-content').getBoundingClientRect().left");
}
