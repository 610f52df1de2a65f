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
    };

    /// <summary>The code as stored: trimmed and upper case, USD when none is given.</summary>
    public static string Normalize(string? code) =>
        string.IsNullOrWhiteSpace(code) ? Usd : code.Trim().ToUpperInvariant();

    /// <summary>Three letters A–Z (after <see cref="Normalize"/>): the shape of an ISO 4217 code.</summary>
    public static bool IsCode(string? code) =>
        Normalize(code) is { Length: 3 } normal && normal.All(c => c is >= 'A' and <= 'Z');

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
