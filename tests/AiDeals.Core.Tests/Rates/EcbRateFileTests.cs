using AiDeals.Core.Features.Intake;
using AiDeals.Core.Features.Rates;

namespace AiDeals.Core.Tests.Rates;

/// <summary>The ECB's reference rates CSV crossed to dollars, and the amount fields' reading of other currencies.</summary>
public class EcbRateFileTests
{
    [Fact]
    public void Read_EcbRows_CrossesEveryRateToUnitsPerDollar()
    {
        var (rates, problems) = EcbRateFile.Read("Date,USD,JPY,GBP,\n2024-06-11,1.0773,170.03,0.84668,\n");

        Assert.Empty(problems);
        var day = new DateOnly(2024, 6, 11);
        Assert.Equal(1 / 1.0773, Single(rates, "EUR", day), 12);
        Assert.Equal(170.03 / 1.0773, Single(rates, "JPY", day), 12);
        Assert.Equal(0.84668 / 1.0773, Single(rates, "GBP", day), 12);
        Assert.DoesNotContain(rates, r => r.Currency == "USD");
    }

    [Fact]
    public void Read_MissingValues_AreLeftOutWithoutAProblem()
    {
        var (rates, problems) = EcbRateFile.Read("Date,USD,CYP,GBP,JPY,\n2024-06-11,1.0773,N/A,,170.03,\n2008-01-02,1.4700,0.5842,0.7440,N/A,\n");

        Assert.Empty(problems);
        Assert.Equal(["EUR", "JPY"], rates.Where(r => r.On == new DateOnly(2024, 6, 11)).Select(r => r.Currency).Order());
        Assert.Equal(["CYP", "EUR", "GBP"], rates.Where(r => r.On == new DateOnly(2008, 1, 2)).Select(r => r.Currency).Order());
    }

    [Fact]
    public void Read_DayWithoutDollarRate_IsLeftOutAndSaysWhy()
    {
        var (rates, problems) = EcbRateFile.Read("Date,USD,GBP,\n2024-06-11,N/A,0.84668,\n2024-06-12,1.08,0.85,\n");

        Assert.All(rates, r => Assert.Equal(new DateOnly(2024, 6, 12), r.On));
        var problem = Assert.Single(problems);
        Assert.Equal(2, problem.Line);
        Assert.Contains("no USD rate", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Date,USD,GBP,\n11/06/2024,1.08,0.85,\n", "is no date")]
    [InlineData("Date,USD,GBP,\n2024-06-11,1.08,abc,\n", "is no positive number")]
    [InlineData("Date,USD,GBP,\n2024-06-11,1.08,-0.85,\n", "is no positive number")]
    [InlineData("Day,Rate\n2024-06-11,1.08\n", "not the ECB's reference rates CSV")]
    public void Read_BadCell_IsAProblemAtItsLine(string csv, string message)
    {
        var (_, problems) = EcbRateFile.Read(csv);

        Assert.Contains(problems, p => p.Message.Contains(message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("€600M", "EUR", 600_000_000L, null)]
    [InlineData("600M EUR", "EUR", 600_000_000L, null)]
    [InlineData("£1bn", "GBP", 1_000_000_000L, null)]
    [InlineData("¥1 trillion", "JPY", 1_000_000_000_000L, null)]
    [InlineData("$15–25B", "USD", 15_000_000_000L, 25_000_000_000L)]
    [InlineData("CNY 5B", "CNY", 5_000_000_000L, null)]
    [InlineData("15B", null, 15_000_000_000L, null)]
    [InlineData("12,000,000", null, 12_000_000L, null)]
    public void TryReadEntry_AmountAsTyped_ReadsCurrencyAndFigures(string text, string? currency, long low, long? high)
    {
        Assert.True(MoneyExpressions.TryReadEntry(text, out var entry, out _));
        Assert.Equal(new MoneyEntry(currency, low, high), entry);
    }

    [Theory]
    [InlineData("€600M USD", MoneyEntryProblem.Unreadable)]
    [InlineData("600 apples", MoneyEntryProblem.Unreadable)]
    [InlineData("$25–15B", MoneyEntryProblem.Descending)]
    [InlineData("€101T", MoneyEntryProblem.TooLarge)]
    public void TryReadEntry_NoAmount_SaysWhy(string text, MoneyEntryProblem expected)
    {
        Assert.False(MoneyExpressions.TryReadEntry(text, out _, out var problem));
        Assert.Equal(expected, problem);
    }

    private static double Single(List<RateRow> rates, string currency, DateOnly on) =>
        rates.Single(r => r.Currency == currency && r.On == on).UnitsPerUsd;
}
