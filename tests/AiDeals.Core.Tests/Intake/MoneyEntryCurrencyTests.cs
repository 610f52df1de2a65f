using AiDeals.Core.Features.Intake;

namespace AiDeals.Core.Tests.Intake;

/// <summary>
/// What an amount field takes for a currency: any ISO 4217 code before or after the figure, the signs of
/// <see cref="Domain.Currencies.Signs"/>, and a currency without rates as readily as one with; a sign that several
/// currencies use is refused with the codes to write instead, and three letters that are no code are named.
/// </summary>
public sealed class MoneyEntryCurrencyTests
{
    [Theory]
    [InlineData("600M CHF", "CHF", 600_000_000L, null)]
    [InlineData("CHF 600M", "CHF", 600_000_000L, null)]
    [InlineData("CHF600M", "CHF", 600_000_000L, null)]
    [InlineData("600m chf", "CHF", 600_000_000L, null)]
    [InlineData("SEK 2.5B", "SEK", 2_500_000_000L, null)]
    [InlineData("1.2 billion BRL", "BRL", 1_200_000_000L, null)]
    [InlineData("AED 15–25B", "AED", 15_000_000_000L, 25_000_000_000L)]
    [InlineData("15–25B AED", "AED", 15_000_000_000L, 25_000_000_000L)]
    [InlineData("₹5,000M", "INR", 5_000_000_000L, null)]
    [InlineData("₩1T", "KRW", 1_000_000_000_000L, null)]
    [InlineData("600M ₹", "INR", 600_000_000L, null)]
    [InlineData("C$2B", "CAD", 2_000_000_000L, null)]
    [InlineData("A$ 500M", "AUD", 500_000_000L, null)]
    [InlineData("HK$10B", "HKD", 10_000_000_000L, null)]
    [InlineData("R$3B", "BRL", 3_000_000_000L, null)]
    [InlineData("CN¥5B", "CNY", 5_000_000_000L, null)]
    [InlineData("US$5B", "USD", 5_000_000_000L, null)]
    [InlineData("₽100B", "RUB", 100_000_000_000L, null)]
    [InlineData("₺40B", "TRY", 40_000_000_000L, null)]
    [InlineData("zł 2B", "PLN", 2_000_000_000L, null)]
    [InlineData("€600M", "EUR", 600_000_000L, null)]
    [InlineData("600M EUR", "EUR", 600_000_000L, null)]
    [InlineData("15 BBD", "BBD", 15L, null)]
    [InlineData("15B", null, 15_000_000_000L, null)]
    public void TryReadEntry_CodeOrSign_ReadsTheCurrency(string text, string? currency, long low, long? high)
    {
        Assert.True(MoneyExpressions.TryReadEntry(text, out var entry, out _, out var message), message);
        Assert.Equal(new MoneyEntry(currency, low, high), entry);
    }

    [Theory]
    [InlineData("₣600M", "₣ stands for several currencies: write CHF, XOF, XAF or XPF instead.")]
    [InlineData("600M ₣", "₣ stands for several currencies: write CHF, XOF, XAF or XPF instead.")]
    [InlineData("kr 5B", "kr stands for several currencies: write SEK, NOK, DKK or ISK instead.")]
    [InlineData("5B Fr", "Fr stands for several currencies: write CHF, XOF, XAF or XPF instead.")]
    public void TryReadEntry_AmbiguousSign_IsRefusedNamingTheCodes(string text, string message)
    {
        Assert.False(MoneyExpressions.TryReadEntry(text, out _, out var problem, out var said));
        Assert.Equal(MoneyEntryProblem.AmbiguousCurrency, problem);
        Assert.Equal(message, said);
    }

    [Theory]
    [InlineData("600M XYZ", "XYZ is no ISO 4217 currency code: write one such as USD, EUR, GBP or CHF.")]
    [InlineData("ABC 600M", "ABC is no ISO 4217 currency code: write one such as USD, EUR, GBP or CHF.")]
    public void TryReadEntry_ThreeLettersThatAreNoCode_AreNamed(string text, string message)
    {
        Assert.False(MoneyExpressions.TryReadEntry(text, out _, out var problem, out var said));
        Assert.Equal(MoneyEntryProblem.UnknownCurrency, problem);
        Assert.Equal(message, said);
    }

    [Theory]
    [InlineData("€600M USD")]
    [InlineData("CHF 600M EUR")]
    [InlineData("600 apples")]
    public void TryReadEntry_TwoCurrenciesOrWords_IsUnreadable(string text)
    {
        Assert.False(MoneyExpressions.TryReadEntry(text, out _, out var problem, out _));
        Assert.Equal(MoneyEntryProblem.Unreadable, problem);
    }
}
