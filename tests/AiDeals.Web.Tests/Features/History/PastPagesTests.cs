using System.Globalization;
using AiDeals.Core.Data;
using AiDeals.Core.Features.Accounts;
using AiDeals.Core.Features.Deals;
using AiDeals.Web.Features.Dashboard;
using AiDeals.Web.Features.Deals;
using AiDeals.Web.Tests.Support;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AiDeals.Web.Tests.Features.History;

/// <summary>
/// The dashboard and the deal list as of a past day, on the article's deal book seeded today: yesterday the database
/// had no deal, at the end of today it has them all.
/// </summary>
public sealed class PastPagesTests(SeededDatabase database) : MudBunitContext(database), IClassFixture<SeededDatabase>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private static string Yesterday => Day(Today.AddDays(-1));

    [Fact]
    public void Render_DashboardAsOfYesterday_ShowsTheEmptyDatabaseUnderTheBanner()
    {
        SignInAs(Roles.Analyst);

        var cut = RenderAt<Home>($"/?asOf={Yesterday}");

        cut.WaitForElement("[data-testid=no-deals]");
        Assert.Contains("As it stood at the end of", cut.Find("[data-testid=as-of-banner]").TextContent, StringComparison.Ordinal);
        cut.WaitForElement("[data-testid=recent-changes-empty]");
        Assert.Empty(cut.FindAll("[data-testid=deal-count-tile]"));
        // Another day is a picker away; today's picker is not shown under a past day.
        Assert.Single(cut.FindAll("[data-testid=as-of-picker]"));
        Assert.Empty(cut.FindAll("[data-testid=dashboard-past]"));
    }

    [Fact]
    public void Render_DashboardAsOfToday_CountsTodaysDealsAndLinksToTheListOfThatDay()
    {
        SignInAs(Roles.Analyst);

        var cut = RenderAt<Home>($"/?asOf={Day(Today)}");

        cut.WaitForAssertion(() => Assert.Equal(CountDeals().ToString(CultureInfo.InvariantCulture), cut.Find("[data-testid=deal-count-tile]").TextContent.Trim()));
        Assert.NotEmpty(cut.FindAll("[data-testid=status-tile] a"));
        Assert.All(cut.FindAll("[data-testid=status-tile] a"), a => Assert.EndsWith($"asOf={Day(Today)}", a.GetAttribute("href"), StringComparison.Ordinal));
        Assert.EndsWith($"asOf={Day(Today)}", cut.Find("[data-testid=largest-deal-link]").GetAttribute("href"), StringComparison.Ordinal);
        // Organization pages have no past: their links are today's.
        Assert.DoesNotContain("asOf", cut.Find("[data-testid=valuation-link]").GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_DashboardAsOfADayForAViewer_SaysAnalystsOnlyAndShowsToday()
    {
        SignInAs(Roles.Viewer);

        var cut = RenderAt<Home>($"/?asOf={Yesterday}");

        cut.WaitForElement("[data-testid=as-of-analysts-only]");
        // Today's figures come after the refusal on an engine whose reads are truly asynchronous (PostgreSQL).
        var count = cut.WaitForElement("[data-testid=deal-count-tile]");
        Assert.Empty(cut.FindAll("[data-testid=as-of-banner]"));
        Assert.Equal(CountDeals().ToString(CultureInfo.InvariantCulture), count.TextContent.Trim());
        Assert.DoesNotContain("asOf", cut.Find("[data-testid=largest-deal-link]").GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_DealListAsOfYesterday_ShowsNoDealReadOnly()
    {
        SignInAs(Roles.Analyst);

        var cut = RenderAt<DealList>($"/deals?asOf={Yesterday}");

        cut.WaitForAssertion(() => Assert.Equal("0 deals", cut.Find("[data-testid=deal-count]").TextContent.Trim()));
        Assert.StartsWith("Deals as of ", cut.Find("h1").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("As it stood at the end of", cut.Find("[data-testid=as-of-banner]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=new-deal]"));
        Assert.Empty(cut.FindAll("[data-testid=export-dealbook]"));
        Assert.Empty(cut.FindAll("[data-testid=deals-feed]"));
    }

    [Fact]
    public async Task Render_DealListAsOfTodayWithText_FiltersAsTodayAndLinksDealsOfThatDay()
    {
        SignInAs(Roles.Analyst);

        var today = (await Services.GetRequiredService<DealQueries>().CountAsync(new DealFilter { Text = "stargate" }, Xunit.TestContext.Current.CancellationToken)).Value;

        var cut = RenderAt<DealList>($"/deals?q=stargate&asOf={Day(Today)}");

        cut.WaitForAssertion(() => Assert.Equal($"{today} deals", cut.Find("[data-testid=deal-count]").TextContent.Trim()));
        var links = cut.FindAll(".deal-title-link a");
        Assert.InRange(today, 2, CountDeals() - 1);
        Assert.Equal(today, links.Count);
        Assert.All(links, a => Assert.Matches($@"^/deals/\d+\?asOf={Day(Today)}$", a.GetAttribute("href")));
        // "See it today" keeps the filters and drops the day.
        Assert.Equal("/deals?q=stargate", cut.Find("[data-testid=as-of-today]").GetAttribute("href"));
    }

    [Fact]
    public void Render_DealListAsOfADayForAViewer_SaysAnalystsOnlyAndListsToday()
    {
        SignInAs(Roles.Viewer);

        var cut = RenderAt<DealList>($"/deals?asOf={Yesterday}");

        cut.WaitForElement("[data-testid=as-of-analysts-only]");
        cut.WaitForAssertion(() => Assert.Equal($"{CountDeals()} deals", cut.Find("[data-testid=deal-count]").TextContent.Trim()));
        Assert.NotEmpty(cut.FindAll(".deal-title-link a"));
        Assert.All(cut.FindAll(".deal-title-link a"), a => Assert.DoesNotContain("asOf", a.GetAttribute("href"), StringComparison.Ordinal));
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private IRenderedComponent<TPage> RenderAt<TPage>(string address)
        where TPage : IComponent
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(address);
        return RenderPage<TPage>();
    }

    private int CountDeals()
    {
        using var db = Services.GetRequiredService<IDbContextFactory<AiDealsDbContext>>().CreateDbContext();
        return db.Deals.Count();
    }
}
