using AiDeals.Core.Features;
using AiDeals.Core.Features.Dashboard;
using AiDeals.Web.Features.Dashboard;
using AngleSharp.Dom;
using Bunit;
using MudBlazor.Services;

namespace AiDeals.Web.Tests.Features.Dashboard;

/// <summary>The dashboard's two bar charts on figures given to them: what their bars, hovers and empty states show.</summary>
public sealed class DashboardBarChartsTests : BunitContext
{
    public DashboardBarChartsTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    [Fact]
    public void ActivityChart_Months_BarHeightsFollowTheCountsAndSayThemOnHover()
    {
        var activity = new ActivityTimeline(
            [new MonthActivity(new DateOnly(2024, 12, 1), 3, 0), new MonthActivity(new DateOnly(2025, 1, 1), 6_000, 1)],
            TotalDeals: 6_003,
            TotalEvents: 1);

        var cut = Render<ActivityChart>(p => p.Add(c => c.Activity, activity));

        // Ticks at 0, 2,000, 4,000, 6,000: January's deals fill the plot, December's three are a sliver, no event is nothing.
        Assert.Equal(["0", "2,000", "4,000", "6,000"], cut.FindAll(".bar-chart-y span").Select(s => s.TextContent));
        var bars = cut.FindAll(".bar-chart-bar");
        Assert.Equal(["height:0.5%", "height:0%", "height:100%", "height:0.5%"], bars.Select(Height));
        Assert.Equal(
            ["December 2024: 3 deals", "December 2024: 0 market events", "January 2025: 6,000 deals", "January 2025: 1 market event"],
            bars.Select(b => b.GetAttribute("title")));
        Assert.Equal(["Dec\n2024", "Jan\n2025"], cut.FindAll(".bar-chart-x > span").Select(s => s.TextContent));
        Assert.Equal(
            "Deals and market events by month: December 2024 3 deals, 0 market events; January 2025 6,000 deals, 1 market event",
            cut.Find("[role=img]").GetAttribute("aria-label"));
    }

    [Fact]
    public void ActivityChart_NoMonthDated_SaysSoInsteadOfAnEmptyChart()
    {
        var cut = Render<ActivityChart>(p => p.Add(c => c.Activity, new ActivityTimeline([], TotalDeals: 4, TotalEvents: 0)));

        Assert.Contains("No deal or market event is dated to the month yet.", cut.Markup, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll(".bar-chart, div[role=img], [data-testid=activity-table]"));
    }

    [Fact]
    public void InvestorCapitalChart_Investors_BarsFollowTheirCommitmentsAndCarryTheExactAmount()
    {
        InvestorCapital[] investors =
        [
            new(new OrganizationRef("SoftBank Group", "softbank"), 40_000_000_000, 56_000_000_000, 5),
            new(new OrganizationRef("Microsoft", "microsoft"), 1_234_567_890, 14_000_000_000, 2),
        ];

        var cut = Render<InvestorCapitalChart>(p => p.Add(c => c.Investors, investors));

        Assert.Equal(["$0B", "$20B", "$40B", "$60B"], cut.FindAll(".bar-chart-y span").Select(s => s.TextContent));
        var bars = cut.FindAll(".bar-chart-bar");
        Assert.Equal(["height:66.67%", "height:93.33%", "height:2.06%", "height:23.33%"], bars.Select(Height));
        Assert.Equal("SoftBank Group, high: $56B ($56,000,000,000)", bars[1].GetAttribute("title"));
        Assert.Equal("Microsoft, low: $1.23B ($1,234,567,890)", bars[2].GetAttribute("title"));
        // Two names fit under their bars without slanting.
        Assert.Null(cut.FindAll(".bar-chart-x-slanted").FirstOrDefault());
        Assert.Equal(["SoftBank Group", "Microsoft"], cut.FindAll(".bar-chart-x > span").Select(s => s.TextContent));
    }

    [Fact]
    public void InvestorCapitalChart_ManyInvestors_SlantsTheirShortenedNames()
    {
        var investors = Enumerable.Range(1, 8)
            .Select(i => new InvestorCapital(new OrganizationRef($"Investor number {i}", $"i{i}"), i * 1_000_000_000L, i * 2_000_000_000L, 1))
            .ToList();

        var cut = Render<InvestorCapitalChart>(p => p.Add(c => c.Investors, investors));

        Assert.NotNull(cut.Find(".bar-chart-x-slanted"));
        Assert.Equal("Investor…", cut.FindAll(".bar-chart-x > span")[0].TextContent);
        Assert.Equal(16, cut.FindAll(".bar-chart-bar").Count);
    }

    [Fact]
    public void InvestorCapitalChart_NoCommitment_SaysSoInsteadOfAnEmptyChart()
    {
        var cut = Render<InvestorCapitalChart>(p => p.Add(c => c.Investors, []));

        Assert.Contains("No investor has a disclosed commitment yet.", cut.Markup, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll(".bar-chart, div[role=img]"));
    }

    private static string Height(IElement bar) => bar.GetAttribute("style")!.Split(';')[0];
}
