using AiDeals.Core.Features.Accounts;
using AiDeals.Web.Components.Layout;
using AiDeals.Web.Tests.Support;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace AiDeals.Web.Tests.Components;

/// <summary>The main navigation: the links each role may follow, and the one of the page shown marked as current.</summary>
public sealed class NavMenuTests(EmptyDatabase database) : MudBunitContext(database), IClassFixture<EmptyDatabase>
{
    [Fact]
    public void Render_Anonymous_ShowsTheReadingPagesOnly()
    {
        var menu = Render<NavMenu>();

        Assert.Equal(["/", "/deals", "/organizations", "/valuations", "/events", "/sources"], Hrefs(menu));
    }

    [Theory]
    [InlineData(Roles.Viewer, 6)]
    [InlineData(Roles.Analyst, 11)]
    [InlineData(Roles.Admin, 13)]
    public void Render_SignedIn_ShowsTheToolsOfTheRole(string role, int links)
    {
        SignInAs(role);

        var menu = Render<NavMenu>();

        Assert.Equal(links, Hrefs(menu).Count);
        Assert.Equal(role != Roles.Viewer, Hrefs(menu).Contains("/intake"));
        Assert.Equal(role == Roles.Admin, Hrefs(menu).Contains("/admin/rates"));
    }

    [Fact]
    public void Navigate_ToAnotherSection_MarksItAsTheCurrentPage()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        var menu = Render<NavMenu>();
        Assert.Equal(["/"], Current(menu));

        navigation.NavigateTo("/organizations/openai");
        menu.WaitForAssertion(() => Assert.Equal(["/organizations"], Current(menu)));

        navigation.NavigateTo("/deals?status=InTalks");
        menu.WaitForAssertion(() => Assert.Equal(["/deals"], Current(menu)));
        Assert.Equal("page", menu.Find("a.active").GetAttribute("aria-current"));
        Assert.Null(menu.Find("a[href='/organizations']").GetAttribute("aria-current"));

        // The dashboard is current on its own address only, whatever the query; "/dealsx" is no part of "/deals".
        navigation.NavigateTo("/?asOf=2025-01-31");
        menu.WaitForAssertion(() => Assert.Equal(["/"], Current(menu)));
        navigation.NavigateTo("/dealsx");
        menu.WaitForAssertion(() => Assert.Empty(Current(menu)));
    }

    private static List<string> Hrefs(IRenderedComponent<NavMenu> menu) =>
        [.. menu.FindAll("nav[aria-label='Main navigation'] a").Select(a => a.GetAttribute("href")!)];

    private static List<string> Current(IRenderedComponent<NavMenu> menu) =>
        [.. menu.FindAll("a.active").Select(a => a.GetAttribute("href")!)];
}
