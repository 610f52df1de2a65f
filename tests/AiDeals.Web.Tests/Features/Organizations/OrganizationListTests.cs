using AiDeals.Core.Features;
using AiDeals.Core.Features.Organizations;
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

    [Fact]
    public void Render_MoreOrganizationsThanAPage_ShowsThePageTheCountAndTheRange()
    {
        var cut = RenderPage<OrganizationList>(p => p.Add(l => l.PageSize, 3));

        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll(".organization-name-link").Count));
        var total = int.Parse(cut.Find("[data-testid=organization-count]").TextContent.Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(total > 3);
        Assert.Equal($"1–3 of {total}", cut.Find("[data-testid=organization-range]").TextContent.Trim());
        Assert.NotNull(cut.Find("[data-testid=organization-pages]"));
    }

    [Fact]
    public async Task Render_PageInTheAddress_ShowsTheOrganizationsAfterThoseOfTheFirstPage()
    {
        var all = await Services.GetRequiredService<OrganizationQueries>()
            .ListAsync(null, null, new PageRequest(0, PageRequest.MaxPageSize), Xunit.TestContext.Current.CancellationToken);
        Services.GetRequiredService<BunitNavigationManager>().NavigateTo("organizations?page=2");

        var cut = RenderPage<OrganizationList>(p => p.Add(l => l.PageSize, 3));

        cut.WaitForAssertion(() => Assert.StartsWith("4–", cut.Find("[data-testid=organization-range]").TextContent.Trim(), StringComparison.Ordinal));
        Assert.Equal(all.Items.Skip(3).Take(3).Select(o => o.Name), Names(cut));
        Assert.True(StringComparer.OrdinalIgnoreCase.Compare(all.Items[2].Name, Names(cut)[0]) < 0, "The second page goes on where the first ended, by name.");
    }

    [Fact]
    public void Render_PagePastTheEndInTheAddress_ShowsTheLastPage()
    {
        Services.GetRequiredService<BunitNavigationManager>().NavigateTo("organizations?page=999");

        var cut = RenderPage<OrganizationList>(p => p.Add(l => l.PageSize, 3));

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(".organization-name-link")));
        var total = cut.Find("[data-testid=organization-count]").TextContent.Trim().Split(' ')[0];
        Assert.EndsWith($"–{total} of {total}", cut.Find("[data-testid=organization-range]").TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void PageButton_Clicked_PutsThePageInTheAddress()
    {
        var navigation = Services.GetRequiredService<BunitNavigationManager>();
        navigation.NavigateTo("organizations?q=a");
        var cut = RenderPage<OrganizationList>(p => p.Add(l => l.PageSize, 1));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=organization-pages]")));

        FindAndClick(cut, c => c.Find("[data-testid=organization-pages] button[aria-label='Page 2']"));

        Assert.Equal("page=2", new Uri(navigation.Uri).Query.TrimStart('?').Split('&').Single(part => part.StartsWith("page=", StringComparison.Ordinal)));
        Assert.Contains("q=a", navigation.Uri, StringComparison.Ordinal);
    }

    private static string[] Names(IRenderedComponent<OrganizationList> cut) =>
        [.. cut.FindAll(".organization-name-link").Select(link => link.TextContent.Trim())];
}
