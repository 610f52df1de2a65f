using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Valuations;
using AiDeals.Web.Components.Shared;
using AiDeals.Web.Features.Organizations;
using AiDeals.Web.Tests.Support;
using Bunit;

namespace AiDeals.Web.Tests.Components;

/// <summary>
/// The valuations on an organization profile and a deal page: a company valued every few days for years drew over a
/// thousand table rows and a chart of a thousand points and labels run together (1.2 MB of SVG). The latest few show,
/// the rest of the table a click away.
/// </summary>
public sealed class ValuationTableTests(EmptyDatabase database) : MudBunitContext(database), IClassFixture<EmptyDatabase>
{
    // Oldest first, as the profile reads them: valuation i is worth i billion on the i-th day of 2024.
    private static readonly ValuationSummary[] Forty = [.. Enumerable.Range(1, 40).Select(i => new ValuationSummary(
        i,
        new OrganizationRef("Photon Holdings", "photon-holdings"),
        PartialDate.Create(new DateOnly(2024, 1, 1).AddDays(i - 1), DatePrecision.Day),
        i * 1_000_000_000L,
        ValuationKind.PostMoney,
        null))];

    [Fact]
    public void Render_OldestFirst_ShowsTheLatestTenAndOffersTheRest()
    {
        var table = Render<ValuationTable>(p => p.Add(t => t.Valuations, Forty).Add(t => t.OldestFirst, true).Add(t => t.ShowOrganization, false));

        Assert.Equal(Enumerable.Range(31, 10).Select(Amount), Amounts(table));
        Assert.Equal("The latest 10 of 40.", table.Find("[data-testid=valuations-shown]").TextContent.Trim());
        Assert.Equal("Show all 40 valuations", table.Find("[data-testid=all-valuations]").TextContent.Trim());

        table.Find("[data-testid=all-valuations]").Click();

        Assert.Equal(Enumerable.Range(1, 40).Select(Amount), Amounts(table));
        Assert.Empty(table.FindAll("[data-testid=all-valuations]"));
    }

    [Fact]
    public void Render_NewestFirst_ShowsTheFirstTen()
    {
        var table = Render<ValuationTable>(p => p.Add(t => t.Valuations, Forty.Reverse().ToArray()));

        Assert.Equal(Enumerable.Range(31, 10).Reverse().Select(Amount), Amounts(table));
        Assert.Single(table.FindAll("[data-testid=all-valuations]"));
    }

    [Fact]
    public void Render_FewValuations_ShowsThemAllWithNoButton()
    {
        var table = Render<ValuationTable>(p => p.Add(t => t.Valuations, Forty[..3]).Add(t => t.OldestFirst, true));

        Assert.Equal(Enumerable.Range(1, 3).Select(Amount), Amounts(table));
        Assert.Empty(table.FindAll("[data-testid=all-valuations]"));
        Assert.Empty(table.FindAll("[data-testid=valuations-shown]"));
    }

    [Fact]
    public void RenderChart_ManyValuations_ChartsTheLatestAndSaysSo()
    {
        var chart = Render<ValuationChart>(p => p.Add(c => c.Valuations, Forty));

        var description = chart.Find("[data-testid=valuation-chart]").GetAttribute("aria-label")!;
        Assert.StartsWith("Valuation over time: 17 Jan 2024 $17B;", description, StringComparison.Ordinal);
        Assert.EndsWith("9 Feb 2024 $40B", description, StringComparison.Ordinal);
        Assert.Equal(24, description.Split("; ").Length);
        Assert.Equal("The chart shows the latest 24 of 40 valuations.", chart.Find("[data-testid=valuation-chart-shown]").TextContent.Trim());
        // Six dates under the axis, every fourth point's, ending with the latest.
        var dates = chart.FindAll("svg text").Select(t => t.TextContent.Trim()).Where(t => t.EndsWith("2024", StringComparison.Ordinal)).ToList();
        Assert.Equal(["20 Jan 2024", "24 Jan 2024", "28 Jan 2024", "1 Feb 2024", "5 Feb 2024", "9 Feb 2024"], dates);
    }

    [Fact]
    public void RenderChart_FewValuations_ChartsThemAll()
    {
        var chart = Render<ValuationChart>(p => p.Add(c => c.Valuations, Forty[..2]));

        Assert.Equal("Valuation over time: 1 Jan 2024 $1B; 2 Jan 2024 $2B", chart.Find("[data-testid=valuation-chart]").GetAttribute("aria-label"));
        Assert.Empty(chart.FindAll("[data-testid=valuation-chart-shown]"));
    }

    private static string Amount(int billions) => AmountRange.Format(billions * 1_000_000_000L);

    private static string[] Amounts(IRenderedComponent<ValuationTable> table) =>
        [.. table.FindAll("tbody tr td[data-label=Valuation]").Select(cell => cell.TextContent.Trim())];
}
