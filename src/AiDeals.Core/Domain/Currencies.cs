using System.Globalization;

namespace AiDeals.Core.Domain;

/// <summary>ISO 4217 currency codes as deals carry them, and their figures as people read them ("€600M", "CHF 5M").</summary>
public static class Currencies
{
    /// <summary>The currency every total, sort, filter and index counts in.</summary>
    public const string Usd = "USD";

    /// <summary>
    /// A rate older than this many days before a deal's announced date is not used: the ECB publishes every working day,
    /// so a month without one means the rates stop there, and the deal is left out of dollar totals instead.
    /// </summary>
    public const int RateMaxAgeDays = 31;

    private static readonly Dictionary<string, string> Symbols = new(StringComparer.Ordinal)
    {
        [Usd] = "$",
        ["EUR"] = "€",
        ["GBP"] = "£",
        ["JPY"] = "¥",
        ["CNY"] = "CN¥",
        ["INR"] = "₹",
        ["KRW"] = "₩",
    };

    /// <summary>
    /// The signs a figure may be written with and the code each stands for. The plain "$" is the US dollar; the other
    /// dollars take their prefix ("C$", "A$"). Signs that several currencies use are in <see cref="AmbiguousSigns"/>.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Signs { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["$"] = Usd,
        ["US$"] = Usd,
        ["€"] = "EUR",
        ["£"] = "GBP",
        ["¥"] = "JPY",
        ["CN¥"] = "CNY",
        ["₹"] = "INR",
        ["₩"] = "KRW",
        ["₽"] = "RUB",
        ["₺"] = "TRY",
        ["₪"] = "ILS",
        ["₫"] = "VND",
        ["₱"] = "PHP",
        ["฿"] = "THB",
        ["₦"] = "NGN",
        ["₴"] = "UAH",
        ["₸"] = "KZT",
        ["zł"] = "PLN",
        ["R$"] = "BRL",
        ["C$"] = "CAD",
        ["A$"] = "AUD",
        ["NZ$"] = "NZD",
        ["HK$"] = "HKD",
        ["S$"] = "SGD",
    };

    /// <summary>Signs that stand for several currencies, with the codes to write instead: a figure written with one is refused.</summary>
    public static IReadOnlyDictionary<string, string[]> AmbiguousSigns { get; } = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
    {
        ["₣"] = ["CHF", "XOF", "XAF", "XPF"],
        ["Fr"] = ["CHF", "XOF", "XAF", "XPF"],
        ["kr"] = ["SEK", "NOK", "DKK", "ISK"],
    };

    /// <summary>The code as stored: trimmed and upper case, USD when none is given.</summary>
    public static string Normalize(string? code) =>
        string.IsNullOrWhiteSpace(code) ? Usd : code.Trim().ToUpperInvariant();

    /// <summary>Three letters A–Z (after <see cref="Normalize"/>): the shape of an ISO 4217 code.</summary>
    public static bool IsCode(string? code) =>
        Normalize(code) is { Length: 3 } normal && normal.All(c => c is >= 'A' and <= 'Z');

    /// <summary>An ISO 4217 code (after <see cref="Normalize"/>): "EUR", "CHF"; not "XYZ".</summary>
    public static bool IsKnown(string? code) => CurrencyCodes.IsKnown(Normalize(code));

    /// <summary>What a field says of a code that is no ISO 4217 currency.</summary>
    public static string UnknownMessage(string? code) =>
        $"{Normalize(code)} is no ISO 4217 currency code: write one such as USD, EUR, GBP or CHF.";

    /// <summary>What a field says of a sign that several currencies use: "₣ stands for several currencies: write CHF, XOF, XAF or XPF."</summary>
    public static string AmbiguousMessage(string sign) => AmbiguousSigns.TryGetValue(sign.Trim(), out var codes)
        ? $"{sign.Trim()} stands for several currencies: write {string.Join(", ", codes[..^1])} or {codes[^1]} instead."
        : UnknownMessage(sign);

    public static bool IsUsd(string? code) => Normalize(code) == Usd;

    /// <summary>A figure in whole units of a currency in its largest fitting unit: "$15B", "€600M", "£1B", "CHF 5M".</summary>
    public static string Format(long units, string currency)
    {
        var dollars = AmountRange.Format(units);
        var code = Normalize(currency);
        if (code == Usd)
        {
            return dollars;
        }

        var sign = dollars.StartsWith('-') ? "-" : string.Empty;
        var figure = dollars.TrimStart('-').TrimStart('$');
        return sign + (Symbols.ContainsKey(code) ? Symbol(code) + figure : code + " " + figure);
    }

    /// <summary>What a figure in the currency is written with: "$", "€", "£", "¥", "CN¥", else its code ("CHF").</summary>
    public static string Symbol(string? currency) => Symbols.TryGetValue(Normalize(currency), out var symbol) ? symbol : Normalize(currency);

    /// <summary>The date a rate is quoted for, as the pages say it: "11 Jun 2024".</summary>
    public static string RateDate(DateOnly on) => on.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}
