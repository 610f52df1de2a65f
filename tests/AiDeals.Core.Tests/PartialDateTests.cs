using System.Globalization;
using AiDeals.Core.Domain;
using AiDeals.Core.Tests.Support;

namespace AiDeals.Core.Tests;

public class PartialDateTests
{
    public static TheoryData<string> Cultures => ["en-US", "de-DE", "hu-HU", "tr-TR"];

    [Theory]
    [InlineData("2025-01-27", 2025, 1, 27, DatePrecision.Day)]
    [InlineData("2025-01", 2025, 1, 1, DatePrecision.Month)]
    [InlineData("2024-Q4", 2024, 10, 1, DatePrecision.Quarter)]
    [InlineData("2024-q2", 2024, 4, 1, DatePrecision.Quarter)]
    [InlineData("2019", 2019, 1, 1, DatePrecision.Year)]
    [InlineData(" 2019 ", 2019, 1, 1, DatePrecision.Year)]
    public void Parse_EachPrecision_ReadsTheStartOfThePeriod(string text, int year, int month, int day, DatePrecision precision)
    {
        var parsed = PartialDate.Parse(text);

        Assert.Equal(new DateOnly(year, month, day), parsed.Date);
        Assert.Equal(precision, parsed.Precision);
        Assert.True(PartialDate.TryParse(text, out var tried));
        Assert.Equal(parsed, tried);
    }

    [Theory]
    [InlineData("2025-13")]
    [InlineData("2024-Q5")]
    [InlineData("2024-Q0")]
    [InlineData("2025-02-30")]
    [InlineData("abc")]
    [InlineData("27/01/2025")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_NotADate_ReturnsFalse(string? text)
    {
        Assert.False(PartialDate.TryParse(text, out _));
    }

    [Theory]
    [InlineData("2025-13")]
    [InlineData("2024-Q5")]
    [InlineData("abc")]
    public void Parse_NotADate_ThrowsFormatExceptionShowingTheAcceptedForms(string text)
    {
        var error = Assert.Throws<FormatException>(() => PartialDate.Parse(text));

        Assert.Contains($"'{text}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("2024-Q4", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void ToString_UnderAnyCulture_IsTheSameText(string culture)
    {
        using (new CultureScope(culture))
        {
            Assert.Equal(culture, CultureInfo.CurrentCulture.Name);

            Assert.Equal("27 Jan 2025", PartialDate.Parse("2025-01-27").ToString());
            Assert.Equal("Jan 2025", PartialDate.Parse("2025-01").ToString());
            Assert.Equal("Q4 2024", PartialDate.Parse("2024-Q4").ToString());
            Assert.Equal("2019", PartialDate.Parse("2019").ToString());
            Assert.Equal("2 Oct 2024", PartialDate.Day(2024, 10, 2).ToString());
        }
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void ToIsoString_UnderAnyCulture_RoundTripsThroughParse(string culture)
    {
        using (new CultureScope(culture))
        {
            foreach (var text in new[] { "2025-01-27", "2025-01", "2024-Q4", "2019", "0999" })
            {
                var parsed = PartialDate.Parse(text);

                Assert.Equal(text, parsed.ToIsoString());
                Assert.Equal(parsed, PartialDate.Parse(parsed.ToIsoString()));
            }
        }
    }

    [Theory]
    [InlineData(DatePrecision.Day, 2024, 11, 15)]
    [InlineData(DatePrecision.Month, 2024, 11, 1)]
    [InlineData(DatePrecision.Quarter, 2024, 10, 1)]
    [InlineData(DatePrecision.Year, 2024, 1, 1)]
    public void Create_DateInsideThePeriod_TruncatesToThePeriodStart(DatePrecision precision, int year, int month, int day)
    {
        var created = PartialDate.Create(new DateOnly(2024, 11, 15), precision);

        Assert.Equal(new DateOnly(year, month, day), created.Date);
        Assert.Equal(precision, created.Precision);
    }

    [Fact]
    public void Create_TwoDaysOfOnePeriod_AreEqual()
    {
        Assert.Equal(PartialDate.Quarter(2024, 4), PartialDate.Create(new DateOnly(2024, 12, 31), DatePrecision.Quarter));
        Assert.Equal(PartialDate.Month(2025, 1), PartialDate.Create(new DateOnly(2025, 1, 27), DatePrecision.Month));
        Assert.NotEqual(PartialDate.Month(2025, 1), PartialDate.Day(2025, 1, 1));
    }

    [Theory]
    [InlineData("2025-01-27", 2025, 1, 27)]
    [InlineData("2024-02", 2024, 2, 29)]
    [InlineData("2025-02", 2025, 2, 28)]
    [InlineData("2024-Q4", 2024, 12, 31)]
    [InlineData("2024-Q1", 2024, 3, 31)]
    [InlineData("2019", 2019, 12, 31)]
    public void End_EachPrecision_IsTheLastDayOfThePeriod(string text, int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), PartialDate.Parse(text).End);
    }

    [Fact]
    public void Quarter_OutsideOneToFour_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PartialDate.Quarter(2024, 5));
    }

    [Fact]
    public void CompareTo_SameStart_OrdersByPrecisionAndDatesChronologically()
    {
        var ordered = new[] { PartialDate.Year(2025), PartialDate.Day(2024, 12, 31), PartialDate.Month(2025, 1), PartialDate.Day(2025, 1, 1) }
            .Order()
            .Select(d => d.ToIsoString());

        Assert.Equal(["2024-12-31", "2025-01-01", "2025-01", "2025"], ordered);
    }
}
