using AiDeals.Web.Features.Organizations;
using AiDeals.Web.Tests.Support;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;

namespace AiDeals.Web.Tests.Features.Organizations;

public sealed class OrganizationListTests(SeededDatabase database) : MudBunitContext(database), IClassFixture<SeededDatabase>
{
    [Fact]
    public void Render_TypeInTheAddress_ListsOnlyThatType()
    {
        Services.GetRequiredService<BunitNavigationManager>().NavigateTo("organizations?type=Project");

        var cut = RenderPage<OrganizationList>();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll(".organization-name-link")));
        Assert.Equal("Stargate", cut.Find(".organization-name-link").TextContent.Trim());
    }

    [Fact]
    public void Render_SearchByAliasInTheAddress_FindsTheOrganization()
    {
        Services.GetRequiredService<BunitNavigationManager>().NavigateTo("organizations?q=group%20corp");

        var cut = RenderPage<OrganizationList>();

        cut.WaitForAssertion(() => Assert.Equal(
            ["SoftBank Group"],
            cut.FindAll(".organization-name-link").Select(link => link.TextContent.Trim()).ToArray()));
    }

    [Fact]
    public void Render_TypeWithNoOrganization_SaysNothingMatches()
    {
        Services.GetRequiredService<BunitNavigationManager>().NavigateTo("organizations?type=SovereignFund");

        var cut = RenderPage<OrganizationList>();

        cut.WaitForAssertion(() => Assert.Contains("No organization matches these filters.", cut.Markup, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll(".organization-name-link"));
    }
}
