using AiDeals.Web.Features.Dashboard;
using AiDeals.Web.Tests.Support;
using Bunit;

namespace AiDeals.Web.Tests.Features.Dashboard;

/// <summary>The dashboard of an app started with seeding turned off, before any analyst adds a deal.</summary>
public sealed class HomeWithoutDealsTests(EmptyDatabase database) : MudBunitContext(database), IClassFixture<EmptyDatabase>
{
    [Fact]
    public void Render_EmptyDatabase_ShowsEmptyStateInsteadOfTiles()
    {
        var cut = RenderPage<Home>();

        cut.WaitForAssertion(() => Assert.Contains("No deals are tracked yet.", cut.Markup, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=deal-count-tile]"));
        Assert.Empty(cut.FindAll("[data-testid=capital-tile]"));
    }
}
