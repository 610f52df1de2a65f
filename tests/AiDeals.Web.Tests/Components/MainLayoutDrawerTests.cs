using AiDeals.Web.Components.Layout;
using AiDeals.Web.Tests.Support;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace AiDeals.Web.Tests.Components;

/// <summary>
/// The layout's navigation drawer. Whether it is open depends on the screen's width, which the stylesheet knows and the
/// server does not: the layout keeps the drawer's state at each width (open over the page on a narrow screen, hidden
/// from beside it on a wide one), each with its own menu button, and the stylesheet shows the button and applies the
/// state that fit the width. The E2E tests see it at both widths in Chromium, and turned from one to the other.
/// </summary>
public sealed class MainLayoutDrawerTests : MudBunitContext, IClassFixture<EmptyDatabase>
{
    private const string OpenOnNarrow = "app-drawer-open-narrow";
    private const string ClosedOnWide = "app-drawer-closed-wide";

    // MudBlazor's class that gives the page its left margin beside an open drawer on a wide screen.
    private const string Beside = "mud-drawer-open-responsive-md-left";

    private const string NarrowButton = "button.app-menu-button-narrow[aria-label='Toggle navigation']";
    private const string WideButton = "button.app-menu-button-wide[aria-label='Toggle navigation']";

    public MainLayoutDrawerTests(EmptyDatabase database)
        : base(database)
    {
        Services.AddSingleton<ThemeStyles>();
    }

    [Fact]
    public void Render_AtFirst_ClosedOnANarrowScreenAndBesideThePageOnAWideOne()
    {
        var layout = RenderLayout();

        Assert.Contains(Beside, LayoutClasses(layout));
        Assert.DoesNotContain(OpenOnNarrow, LayoutClasses(layout));
        Assert.DoesNotContain(ClosedOnWide, LayoutClasses(layout));
        Assert.Equal("false", layout.Find(NarrowButton).GetAttribute("aria-expanded"));
        Assert.Equal("true", layout.Find(WideButton).GetAttribute("aria-expanded"));
        Assert.All(layout.FindAll("button.app-menu-button"), button => Assert.Equal("app-drawer", button.GetAttribute("aria-controls")));
        Assert.NotNull(layout.Find("#app-drawer nav[aria-label='Main navigation']"));
        Assert.Equal("the page", layout.Find("#main-content").TextContent.Trim());
    }

    [Fact]
    public void NarrowMenuButton_Clicked_OpensTheDrawerOverThePageAndAgainClosesIt()
    {
        var layout = RenderLayout();

        FindAndClick(layout, l => l.Find(NarrowButton));
        Assert.Contains(OpenOnNarrow, LayoutClasses(layout));
        Assert.Equal("true", layout.Find(NarrowButton).GetAttribute("aria-expanded"));

        FindAndClick(layout, l => l.Find(NarrowButton));
        Assert.DoesNotContain(OpenOnNarrow, LayoutClasses(layout));
        Assert.Equal("false", layout.Find(NarrowButton).GetAttribute("aria-expanded"));
    }

    [Fact]
    public void WideMenuButton_Clicked_HidesTheDrawerFromBesideThePageAndAgainShowsIt()
    {
        var layout = RenderLayout();

        FindAndClick(layout, l => l.Find(WideButton));
        Assert.Contains(ClosedOnWide, LayoutClasses(layout));
        Assert.DoesNotContain(Beside, LayoutClasses(layout));
        Assert.Equal("false", layout.Find(WideButton).GetAttribute("aria-expanded"));

        FindAndClick(layout, l => l.Find(WideButton));
        Assert.DoesNotContain(ClosedOnWide, LayoutClasses(layout));
        Assert.Contains(Beside, LayoutClasses(layout));
        Assert.Equal("true", layout.Find(WideButton).GetAttribute("aria-expanded"));
    }

    [Fact]
    public void NarrowMenuButton_Clicked_LeavesTheWideScreensDrawerAsItWas()
    {
        var layout = RenderLayout();

        // A phone turned sideways past 960 pixels: the drawer opened over the page shows beside it, not hidden.
        FindAndClick(layout, l => l.Find(NarrowButton));

        Assert.Contains(Beside, LayoutClasses(layout));
        Assert.DoesNotContain(ClosedOnWide, LayoutClasses(layout));
        Assert.Equal("true", layout.Find(WideButton).GetAttribute("aria-expanded"));
    }

    [Fact]
    public void Overlay_ClickedWhileTheDrawerIsOpenOverThePage_ClosesIt()
    {
        var layout = RenderLayout();
        FindAndClick(layout, l => l.Find(NarrowButton));

        FindAndClick(layout, l => l.Find(".app-drawer-overlay"));

        Assert.DoesNotContain(OpenOnNarrow, LayoutClasses(layout));
        Assert.Equal("false", layout.Find(NarrowButton).GetAttribute("aria-expanded"));
    }

    [Fact]
    public void Link_Followed_ClosesTheDrawerOverThePageAndLeavesTheOneBesideIt()
    {
        var layout = RenderLayout();
        FindAndClick(layout, l => l.Find(NarrowButton));

        FindAndClick(layout, l => l.Find("#app-drawer a[href='/deals']"));

        Assert.DoesNotContain(OpenOnNarrow, LayoutClasses(layout));
        Assert.Contains(Beside, LayoutClasses(layout));
    }

    [Fact]
    public void Render_AsksTheBrowserNothingAboutItsSize()
    {
        var layout = RenderLayout();
        FindAndClick(layout, l => l.Find(NarrowButton));
        FindAndClick(layout, l => l.Find(WideButton));

        // MudDrawer subscribed every circuit to MudBlazor's viewport service ("mudResizeListenerFactory" in the
        // browser), whose JSON metadata each circuit built again: the drawer follows the width in CSS instead.
        Assert.DoesNotContain(JSInterop.Invocations, call => call.Identifier.Contains("resize", StringComparison.OrdinalIgnoreCase));
    }

    private IRenderedComponent<MainLayout> RenderLayout() =>
        Render<MainLayout>(parameters => parameters.Add(layout => layout.Body, (RenderFragment)(body => body.AddContent(0, "the page"))));

    private static string[] LayoutClasses(IRenderedComponent<MainLayout> layout) =>
        layout.Find(".mud-layout").ClassList.ToArray();
}
