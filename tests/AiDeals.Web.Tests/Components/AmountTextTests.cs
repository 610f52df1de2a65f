using AiDeals.Web.Components.Shared;

namespace AiDeals.Web.Tests.Components;

/// <summary>Amounts as people type them into the editors' amount fields and the deal list's filters.</summary>
public sealed class AmountTextTests
{
    [Theory]
    [InlineData("10B", 10_000_000_000)]
    [InlineData("$10b", 10_000_000_000)]
    [InlineData(" 1.5T ", 1_500_000_000_000)]
    [InlineData("250M", 250_000_000)]
    [InlineData("12k", 12_000)]
    [InlineData("$ 16,000,000,000", 16_000_000_000)]
    [InlineData("900", 900)]
    [InlineData("0.5B", 500_000_000)]
    [InlineData("1,000", 1_000)]
    [InlineData("1,234,567.5", 1_234_568)]
    [InlineData(".5B", 500_000_000)]
    public void TryParse_AsPeopleWriteIt_ReadsWholeDollars(string text, long expected)
    {
        Assert.True(AmountText.TryParse(text, out var dollars));
        Assert.Equal(expected, dollars);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ten")]
    [InlineData("-5B")]
    [InlineData("10X")]
    [InlineData("99999999999T")]
    [InlineData("B")]
    public void TryParse_NotAnAmount_Fails(string text)
    {
        Assert.False(AmountText.TryParse(text, out _));
    }

    [Theory]
    [InlineData(15_000_000_000, "15B")]
    [InlineData(2_500_000, "2.5M")]
    [InlineData(12_345_678_901, "12,345,678,901")]
    public void Editable_AFigure_IsTheShortestTextThatReadsBackExactly(long dollars, string expected)
    {
        Assert.Equal(expected, AmountText.Editable(dollars));
    }

    [Theory]
    [InlineData("9999999999999999999999999999B")]
    [InlineData("99999999999999999999999999999999999999")]
    [InlineData("9223372036854775807")]
    [InlineData("100.000000000001T")]
    [InlineData("101T")]
    public void TryParse_AboveOneHundredTrillion_FailsSayingTheBoundWithoutThrowing(string text)
    {
        Assert.False(AmountText.TryParse(text, out _, out var problem));
        Assert.Equal("An amount cannot be more than $100T.", problem);
    }

    [Fact]
    public void TryParse_OneHundredTrillion_Reads()
    {
        Assert.True(AmountText.TryParse("100T", out var dollars, out var problem));
        Assert.Equal(100_000_000_000_000, dollars);
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("1e400")]
    [InlineData("abc")]
    [InlineData("-5B")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("15,5B")]
    [InlineData("1,0000")]
    [InlineData(",100")]
    [InlineData("1,000,00")]
    [InlineData("١٢٣")]
    public void TryParse_NotANumber_SaysHowToWriteOne(string text)
    {
        Assert.False(AmountText.TryParse(text, out _, out var problem));
        Assert.Equal(AmountText.UnreadableMessage, problem);
    }

    [Theory]
    [InlineData("€600M")]
    [InlineData("600M EUR")]
    [InlineData("£1bn")]
    public void TryParse_AnotherCurrency_SaysTheFieldIsInDollars(string text)
    {
        Assert.False(AmountText.TryParse(text, out _, out var problem));
        Assert.Equal(AmountText.DollarsOnlyMessage, problem);
    }

    [Theory]
    [InlineData("₣600M", "₣ stands for several currencies: write CHF, XOF, XAF or XPF instead.")]
    [InlineData("kr 5B", "kr stands for several currencies: write SEK, NOK, DKK or ISK instead.")]
    [InlineData("600M XYZ", "XYZ is no ISO 4217 currency code: write one such as USD, EUR, GBP or CHF.")]
    public void TryParseEntry_CurrencyItCannotTell_SaysWhatToWrite(string text, string message)
    {
        Assert.False(AmountText.TryParseEntry(text, out _, out var problem));
        Assert.Equal(message, problem);
    }

    [Theory]
    [InlineData("CHF 600M", "CHF")]
    [InlineData("₹5,000M", "INR")]
    [InlineData("600M KRW", "KRW")]
    public void TryParseEntry_AnyCodeOrSign_ReadsItsCurrency(string text, string currency)
    {
        Assert.True(AmountText.TryParseEntry(text, out var entry, out var problem), problem);
        Assert.Equal(currency, entry.Currency);
    }

    [Theory]
    [InlineData("$15B-$10B")]
    [InlineData("$10B-$15B")]
    public void TryParse_ARangeInAFieldOfOneFigure_SaysHowToWriteOne(string text)
    {
        Assert.False(AmountText.TryParse(text, out _, out var problem));
        Assert.Equal(AmountText.UnreadableMessage, problem);
    }

    [Fact]
    public void TryParse_ACurrencyCodeForDollars_ReadsTheDollars()
    {
        Assert.True(AmountText.TryParse("USD 157B", out var dollars, out var problem));
        Assert.Equal((157_000_000_000L, (string?)null), (dollars, problem));
    }

    [Theory]
    [InlineData("")]
    [InlineData("$")]
    [InlineData("B")]
    public void TryParseEntry_AHundredThousandDigits_IsTooLarge(string around)
    {
        var text = around == "B" ? new string('9', 100_000) + "B" : around + new string('9', 100_000);
        Assert.False(AmountText.TryParseEntry(text, out _, out var problem));
        Assert.Equal(AmountText.TooLargeMessage, problem);
        Assert.False(AmountText.TryParseEntry(new string('x', 100_000), out _, out problem));
        Assert.Equal(AmountText.UnreadableMessage, problem);
    }

    [Theory]
    [InlineData("€600M", "EUR", 600_000_000L, null)]
    [InlineData("$15–25B", "USD", 15_000_000_000L, 25_000_000_000L)]
    [InlineData("¥1 trillion", "JPY", 1_000_000_000_000L, null)]
    public void TryParseEntry_TheDealsAmount_TakesACurrencyOrARange(string text, string currency, long low, long? high)
    {
        Assert.True(AmountText.TryParseEntry(text, out var entry, out var problem));
        Assert.Null(problem);
        Assert.Equal((currency, low, high), (entry.Currency, entry.Low, entry.High));
    }
}
