using System.Globalization;
using AiDeals.Core.Domain;
using AiDeals.Core.Tests.Support;

namespace AiDeals.Core.Tests;

public class AmountRangeTests
{
    private const long Billion = 1_000_000_000;

    public static TheoryData<string> Cultures => ["en-US", "de-DE", "hu-HU", "tr-TR"];

    [Fact]
    public void ToString_EachQualifier_ReadsAsTheArticleSaysIt()
    {
        Assert.Equal("$15B–$25B", AmountRange.Between(15 * Billion, 25 * Billion).ToString());
        Assert.Equal("up to $25B", AmountRange.UpTo(25 * Billion).ToString());
        Assert.Equal("more than $40B", AmountRange.AtLeast(40 * Billion).ToString());
        Assert.Equal("$157B", AmountRange.Exact(157 * Billion).ToString());
        Assert.Equal("~$589B", AmountRange.Estimated(589 * Billion).ToString());
        Assert.Equal("undisclosed", AmountRange.Undisclosed.ToString());
    }

    [Fact]
    public void ToString_LargeAndSmallUnits_UsesTheLargestFittingUnit()
    {
        Assert.Equal("$1.5T", AmountRange.Exact(1_500 * Billion).ToString());
        Assert.Equal("$250M", AmountRange.Exact(250_000_000).ToString());
        Assert.Equal("$12K", AmountRange.Exact(12_000).ToString());
        Assert.Equal("$900", AmountRange.Exact(900).ToString());
    }

    [Fact]
    public void Format_NegativeFigure_KeepsTheSignBeforeTheDollar()
    {
        Assert.Equal("-$589B", AmountRange.Format(-589 * Billion));
    }

    [Fact]
    public void Factories_EachQualifier_SetLowAndHighAsTheQualifierRequires()
    {
        static (long? Low, long? High, AmountQualifier Qualifier) Parts(AmountRange amount) => (amount.Low, amount.High, amount.Qualifier);

        Assert.Equal((15 * Billion, 25 * Billion, AmountQualifier.Range), Parts(AmountRange.Between(15 * Billion, 25 * Billion)));
        Assert.Equal((null, 25 * Billion, AmountQualifier.UpTo), Parts(AmountRange.UpTo(25 * Billion)));
        Assert.Equal((40 * Billion, null, AmountQualifier.AtLeast), Parts(AmountRange.AtLeast(40 * Billion)));
        Assert.Equal((157 * Billion, 157 * Billion, AmountQualifier.Exact), Parts(AmountRange.Exact(157 * Billion)));
        Assert.Equal((null, null, AmountQualifier.Undisclosed), Parts(AmountRange.Undisclosed));
        Assert.False(AmountRange.Undisclosed.IsDisclosed);
        Assert.True(AmountRange.Exact(1).IsDisclosed);
    }

    [Fact]
    public void Create_LowAboveHigh_ThrowsNamingBothFigures()
    {
        var error = Assert.Throws<ArgumentException>(() => AmountRange.Create(30 * Billion, 25 * Billion, AmountQualifier.Range));

        Assert.Equal("The low amount ($30B) is above the high amount ($25B).", error.Message);
        Assert.Equal(error.Message, AmountRange.Validate(30 * Billion, 25 * Billion, AmountQualifier.Range));
    }

    [Fact]
    public void Create_NegativeAmount_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => AmountRange.Exact(-5));

        Assert.Contains("negative", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, 25_000_000_000L, AmountQualifier.Exact, "needs one figure")]
    [InlineData(15_000_000_000L, 25_000_000_000L, AmountQualifier.Exact, "needs one figure")]
    [InlineData(null, 25_000_000_000L, AmountQualifier.Estimated, "needs one figure")]
    [InlineData(15_000_000_000L, 25_000_000_000L, AmountQualifier.UpTo, "'up to' amount has a high figure and no low figure")]
    [InlineData(null, null, AmountQualifier.UpTo, "'up to' amount has a high figure and no low figure")]
    [InlineData(40_000_000_000L, 50_000_000_000L, AmountQualifier.AtLeast, "'at least' amount has a low figure and no high figure")]
    [InlineData(null, 40_000_000_000L, AmountQualifier.AtLeast, "'at least' amount has a low figure and no high figure")]
    [InlineData(15_000_000_000L, 15_000_000_000L, AmountQualifier.Range, "range needs a low and a high figure that differ")]
    [InlineData(15_000_000_000L, null, AmountQualifier.Range, "range needs a low and a high figure that differ")]
    [InlineData(1L, null, AmountQualifier.Undisclosed, "undisclosed amount has no figures")]
    public void Create_QualifierDoesNotFitFigures_ThrowsWithTheRule(long? low, long? high, AmountQualifier qualifier, string rule)
    {
        var error = Assert.Throws<ArgumentException>(() => AmountRange.Create(low, high, qualifier));

        Assert.Contains(rule, error.Message, StringComparison.Ordinal);
        Assert.Equal(error.Message, AmountRange.Validate(low, high, qualifier));
    }

    [Theory]
    [InlineData(25_000_000_000L, 25_000_000_000L, AmountQualifier.Exact)]
    [InlineData(589_000_000_000L, 589_000_000_000L, AmountQualifier.Estimated)]
    [InlineData(null, 25_000_000_000L, AmountQualifier.UpTo)]
    [InlineData(40_000_000_000L, null, AmountQualifier.AtLeast)]
    [InlineData(15_000_000_000L, 25_000_000_000L, AmountQualifier.Range)]
    [InlineData(null, null, AmountQualifier.Undisclosed)]
    public void Validate_FiguresFitQualifier_ReturnsNull(long? low, long? high, AmountQualifier qualifier)
    {
        Assert.Null(AmountRange.Validate(low, high, qualifier));
        Assert.Equal(qualifier, AmountRange.Create(low, high, qualifier).Qualifier);
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void ToString_UnderAnyCulture_IsTheSameText(string culture)
    {
        using (new CultureScope(culture))
        {
            Assert.Equal(culture, CultureInfo.CurrentCulture.Name);
            Assert.Equal(culture, CultureInfo.CurrentUICulture.Name);

            Assert.Equal("$15B–$25B", AmountRange.Between(15 * Billion, 25 * Billion).ToString());
            Assert.Equal("up to $25B", AmountRange.UpTo(25 * Billion).ToString());
            Assert.Equal("more than $40B", AmountRange.AtLeast(40 * Billion).ToString());
            Assert.Equal("$157B", AmountRange.Exact(157 * Billion).ToString());
            Assert.Equal("~$589B", AmountRange.Estimated(589 * Billion).ToString());
            Assert.Equal("undisclosed", AmountRange.Undisclosed.ToString());
            Assert.Equal("$1.5T", AmountRange.Exact(1_500 * Billion).ToString());
            Assert.Equal("$2.75B", AmountRange.Exact(2_750_000_000).ToString());
            Assert.Equal("$250M", AmountRange.Exact(250_000_000).ToString());
            Assert.Equal("An exact amount needs one figure (low equal to high).", AmountRange.Validate(1, 2, AmountQualifier.Exact));
        }
    }

    [Theory]
    [InlineData(100_000_000_000_001, 100_000_000_000_001, AmountQualifier.Exact)]
    [InlineData(null, long.MaxValue, AmountQualifier.UpTo)]
    [InlineData(1L, long.MaxValue, AmountQualifier.Range)]
    public void Validate_FigureAboveOneHundredTrillion_SaysTheBound(long? low, long? high, AmountQualifier qualifier) =>
        Assert.Equal("An amount cannot be more than $100T.", AmountRange.Validate(low, high, qualifier));

    [Fact]
    public void Validate_FigureAtTheBound_Fits() =>
        Assert.Null(AmountRange.Validate(AmountRange.MaxFigure, AmountRange.MaxFigure, AmountQualifier.Exact));

    [Fact]
    public void Create_StoredFigureAboveTheBound_StillReads() =>
        Assert.Equal("$9223372.04T", AmountRange.Create(long.MaxValue, long.MaxValue, AmountQualifier.Exact).ToString());

    [Theory]
    [InlineData(1e12, 1_000_000_000_000)]
    [InlineData(2.0 * long.MaxValue, long.MaxValue)]
    [InlineData(-2.0 * long.MaxValue, long.MinValue)]
    public void Total_ASum_IsWholeDollarsWithinALong(double sum, long expected) =>
        Assert.Equal(expected, AmountRange.Total(sum));
}
