using System.Globalization;
using AiDeals.Core.Data;
using AiDeals.Core.Features.Accounts;
using AiDeals.Web.Features.Deals;
using AiDeals.Web.Features.History;
using AiDeals.Web.Tests.Support;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AiDeals.Web.Tests.Features.History;

/// <summary>
/// A deal's page as of a past day and two days compared, on the article's deal book seeded today: yesterday it had no
/// deal, today it has them all.
/// </summary>
public sealed class AsOfPagesTests(SeededDatabase database) : MudBunitContext(database), IClassFixture<SeededDatabase>
{
    private const string Equity = "SoftBank direct investment in OpenAI";

    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public void Render_DealAsOfToday_ShowsItsFieldsAndParticipantsReadOnlyUnderTheBanner()
    {
        SignInAs(Roles.Analyst);

        var cut = RenderDeal(IdOf(Equity), Day(Today));

        cut.WaitForAssertion(() => Assert.Equal(Equity, cut.Find("h1").TextContent.Trim()));
        Assert.Contains("As it stood at the end of", cut.Find("[data-testid=as-of-banner]").TextContent, StringComparison.Ordinal);
        Assert.Contains("$15B–$25B", cut.Find("[data-testid=as-of-fields]").TextContent, StringComparison.Ordinal);
        Assert.Contains("SoftBank", cut.Find("[data-testid=as-of-participants]").TextContent, StringComparison.Ordinal);
        // Read-only: none of the page's actions.
        Assert.Empty(cut.FindAll("[data-testid=edit-deal]"));
        Assert.Empty(cut.FindAll("[data-testid=delete-deal]"));
    }

    [Fact]
    public void Render_DealAsOfTheDayBeforeItWasSeeded_SaysItDidNotExist()
    {
        SignInAs(Roles.Analyst);

        var cut = RenderDeal(IdOf(Equity), Day(Today.AddDays(-1)));

        cut.WaitForElement("[data-testid=as-of-absent]");
        Assert.Contains($"/history/compare?from={Day(Today.AddDays(-1))}&to={Day(Today)}",
            cut.Find("[data-testid=as-of-compare]").GetAttribute("href"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2025-02-30")]
    [InlineData("")]
    public void Render_AsOfThatIsNotADay_SaysHowToWriteIt(string junk)
    {
        SignInAs(Roles.Analyst);

        var cut = RenderDeal(IdOf(Equity), junk);

        Assert.Contains("is not a day: give it as 2025-02-01", cut.Find("[data-testid=as-of-invalid]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_AsOfForAViewer_ShowsNoPastValues()
    {
        SignInAs(Roles.Viewer);

        var cut = RenderDeal(IdOf(Equity), Day(Today));

        cut.WaitForElement("[data-testid=as-of-analysts-only]");
        Assert.Empty(cut.FindAll("[data-testid=as-of-fields]"));
    }

    [Fact]
    public void Render_CompareYesterdayWithToday_ListsEverySeededDealAsAdded()
    {
        SignInAs(Roles.Analyst);
        int dealCount;
        using (var db = Services.GetRequiredService<IDbContextFactory<AiDealsDbContext>>().CreateDbContext())
        {
            dealCount = db.Deals.Count();
        }

        var cut = RenderCompare(Day(Today.AddDays(-1)), Day(Today));

        cut.WaitForAssertion(() => Assert.Equal(dealCount, cut.FindAll("[data-testid=compare-added] li").Count));
        Assert.Contains(cut.FindAll("[data-testid=compare-added] a"), a => a.TextContent.Trim() == Equity);
        Assert.Empty(cut.FindAll("[data-testid=compare-removed]"));
    }

    [Theory]
    [InlineData("2025-03-01", "2025-02-01", "The second day is before the first")]
    [InlineData("March", "2025-02-01", "Give both days as dates")]
    public void Render_CompareWithBadDays_SaysWhatIsWrong(string from, string to, string message)
    {
        SignInAs(Roles.Analyst);

        var cut = RenderCompare(from, to);

        Assert.Contains(message, cut.Find("[data-testid=compare-error]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_CompareOfOneDayWithItself_SaysNothingChanged()
    {
        SignInAs(Roles.Analyst);

        var cut = RenderCompare("2024-06-01", "2024-06-01");

        cut.WaitForElement("[data-testid=compare-empty]");
    }

    private IRenderedComponent<DealDetail> RenderDeal(int id, string asOf)
    {
        Navigate($"/deals/{id}?asOf={Uri.EscapeDataString(asOf)}");
        return RenderPage<DealDetail>(p => p.Add(d => d.Id, id));
    }

    private IRenderedComponent<ComparePage> RenderCompare(string from, string to)
    {
        Navigate($"/history/compare?from={Uri.EscapeDataString(from)}&to={Uri.EscapeDataString(to)}");
        return RenderPage<ComparePage>();
    }

    private void Navigate(string address) => Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo(address);

    private int IdOf(string title)
    {
        using var db = Services.GetRequiredService<IDbContextFactory<AiDealsDbContext>>().CreateDbContext();
        return db.Deals.Where(d => d.Title == title).Select(d => d.Id).Single();
    }
}
