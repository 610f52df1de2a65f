using AiDeals.Web.Components.Layout;
using AiDeals.Web.Tests.Support;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace AiDeals.Web.Tests.Components;

/// <summary>
/// The layout's navigation drawer. Whether it is open depends on the screen's width, which the stylesheet knows and the
/// server does not: the layout says only whether the menu button has turned the drawer from where the width puts it
/// (open beside the page on a wide screen, closed on a narrow one). The E2E tests see it at both widths in Chromium.
/// </summary>
public sealed class MainLayoutDrawerTests : MudBunitContext, IClassFixture<EmptyDatabase>
{
    private const string Flipped = "app-drawer-flipped";

    // MudBlazor's class that gives the page its left margin beside an open drawer on a wide screen.
    private const string Beside = "mud-drawer-open-responsive-md-left";

    public MainLayoutDrawerTests(EmptyDatabase database)
        : base(database)
    {
        Services.AddSingleton<ThemeStyles>();
    }

    [Fact]
    public void Render_AtFirst_LeavesTheDrawerWhereTheWidthPutsIt()
    {
        var layout = RenderLayout();

        Assert.Contains(Beside, LayoutClasses(layout));
        Assert.DoesNotContain(Flipped, LayoutClasses(layout));
        Assert.Equal("app-drawer", layout.Find("button[aria-label='Toggle navigation']").GetAttribute("aria-controls"));
        Assert.NotNull(layout.Find("#app-drawer nav[aria-label='Main navigation']"));
        Assert.Equal("the page", layout.Find("#main-content").TextContent.Trim());
    }

    [Fact]
    public void MenuButton_Clicked_TurnsTheDrawerAndAgainBack()
    {
        var layout = RenderLayout();

        FindAndClick(layout, l => l.Find("button[aria-label='Toggle navigation']"));
        Assert.Contains(Flipped, LayoutClasses(layout));
        Assert.DoesNotContain(Beside, LayoutClasses(layout));

        FindAndClick(layout, l => l.Find("button[aria-label='Toggle navigation']"));
        Assert.DoesNotContain(Flipped, LayoutClasses(layout));
        Assert.Contains(Beside, LayoutClasses(layout));
    }

    [Fact]
    public void Overlay_ClickedWhileTheDrawerIsOpenOverThePage_ClosesIt()
    {
        var layout = RenderLayout();
        FindAndClick(layout, l => l.Find("button[aria-label='Toggle navigation']"));

        FindAndClick(layout, l => l.Find(".app-drawer-overlay"));

        Assert.DoesNotContain(Flipped, LayoutClasses(layout));
    }

    [Fact]
    public void Link_FollowedWhileTheDrawerIsOpenOverThePage_ClosesIt()
    {
        var layout = RenderLayout();
        FindAndClick(layout, l => l.Find("button[aria-label='Toggle navigation']"));

        FindAndClick(layout, l => l.Find("#app-drawer a[href='/deals']"));

        Assert.DoesNotContain(Flipped, LayoutClasses(layout));
    }

    [Fact]
    public void Render_AsksTheBrowserNothingAboutItsSize()
    {
        var layout = RenderLayout();
        FindAndClick(layout, l => l.Find("button[aria-label='Toggle navigation']"));

        // MudDrawer subscribed every circuit to MudBlazor's viewport service ("mudResizeListenerFactory" in the
        // browser), whose JSON metadata each circuit built again: the drawer follows the width in CSS instead.
        Assert.DoesNotContain(JSInterop.Invocations, call => call.Identifier.Contains("resize", StringComparison.OrdinalIgnoreCase));
    }

    private IRenderedComponent<MainLayout> RenderLayout() =>
        Render<MainLayout>(parameters => parameters.Add(layout => layout.Body, (RenderFragment)(body => body.AddContent(0, "the page"))));

    private static string[] LayoutClasses(IRenderedComponent<MainLayout> layout) =>
        layout.Find(".mud-layout").ClassList.ToArray();
}
