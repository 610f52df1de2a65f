using AiDeals.Core.Domain;
using AiDeals.Core.Features.Deals;
using AiDeals.Web.Components.Shared;
using Bunit;
using MudBlazor.Services;

namespace AiDeals.Web.Tests.Components;

/// <summary>An amount as reported, with its conversion to dollars or the warning that none was made; the count beside totals.</summary>
public sealed class ReportedAmountTextTests : BunitContext
{
    public ReportedAmountTextTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    [Fact]
    public void Render_ConvertedEuros_ShowsTheReportedFigureAndTheDollarsAtTheRateOfItsDay()
    {
        var amount = new ReportedAmount("EUR", AmountRange.Exact(600_000_000), AmountRange.Exact(646_380_000), new DateOnly(2024, 6, 11));

        var cut = Render<ReportedAmountText>(p => p.Add(c => c.Amount, amount).Add(c => c.TestId, "amount"));

        Assert.Equal("€600M", cut.Find("[data-testid=amount-reported]").TextContent.Trim());
        Assert.Equal("(≈ $646.38M at the rate of 11 Jun 2024)", cut.Find("[data-testid=amount-converted]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=amount-unconverted]"));
        Assert.Equal("€600M (≈ $646.38M at the rate of 11 Jun 2024)", amount.ToString());
    }

    [Fact]
    public void Render_NoRate_WarnsThatTotalsLeaveItOut()
    {
        var amount = new ReportedAmount("GBP", AmountRange.Between(1_000_000_000, 2_000_000_000), AmountRange.Undisclosed, null);

        var cut = Render<ReportedAmountText>(p => p.Add(c => c.Amount, amount).Add(c => c.TestId, "amount"));

        Assert.Equal("£1B–£2B", cut.Find("[data-testid=amount-reported]").TextContent.Trim());
        Assert.Contains("left out of dollar totals", cut.Find("[data-testid=amount-unconverted]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=amount-converted]"));
    }

    [Fact]
    public void Render_Dollars_ShowsTheFigureAlone()
    {
        var cut = Render<ReportedAmountText>(p => p.Add(c => c.Amount, ReportedAmount.InDollars(AmountRange.Between(15_000_000_000, 25_000_000_000))));

        Assert.Equal("$15B–$25B", cut.Find(".reported-amount").TextContent.Trim());
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(1, "1 deal in another currency")]
    [InlineData(3, "3 deals in another currency")]
    public void LeftOutOfTotals_Count_SaysHowManyOnlyWhenAny(int count, string? expected)
    {
        var cut = Render<LeftOutOfTotals>(p => p.Add(c => c.Count, count));

        var notes = cut.FindAll("[data-testid=left-out-of-totals]");
        if (expected is null)
        {
            Assert.Empty(notes);
        }
        else
        {
            Assert.Contains(expected, Assert.Single(notes).TextContent, StringComparison.Ordinal);
        }
    }
}
