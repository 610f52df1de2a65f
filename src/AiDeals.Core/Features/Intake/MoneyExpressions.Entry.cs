using System.Globalization;
using System.Text.RegularExpressions;
using AiDeals.Core.Domain;

namespace AiDeals.Core.Features.Intake;

/// <summary>An amount as typed into a field: its currency if the text names one, its figure, and a second figure for a range.</summary>
public sealed record MoneyEntry(string? Currency, long Low, long? High);

/// <summary>Why a field's text is no amount: not one at all, above <see cref="AmountRange.MaxFigure"/>, or a range that falls.</summary>
public enum MoneyEntryProblem
{
    Unreadable,
    TooLarge,
    Descending,

    /// <summary>A sign that several currencies use ("₣", "kr"): the message names the codes to write.</summary>
    AmbiguousCurrency,

    /// <summary>Three letters that are no ISO 4217 code ("600M XYZ").</summary>
    UnknownCurrency,
}

// The same words and scales as the sentences of an article, read from a whole field: the editors' amount inputs and the
// deal list's filters take "€600M", "600M EUR", "CHF 600M", "₹5,000M", "£1bn", "¥1 trillion", "$15–25B", "15B" and
// "12,000,000". A field takes any ISO 4217 code before or after the figure and the
// signs of Currencies.Signs; a sign several currencies use is refused with the codes to write instead.
public static partial class MoneyExpressions
{
    /// <summary>
    /// Reads a field that holds one amount or one range and nothing else. Unlike an article's sentence, a field needs
    /// no currency (the caller knows its default) and no scale ("900" is nine hundred). Never throws, whatever the text.
    /// </summary>
    public static bool TryReadEntry(string? text, out MoneyEntry entry, out MoneyEntryProblem problem) =>
        TryReadEntry(text, out entry, out problem, out _);

    /// <summary>
    /// As <see cref="TryReadEntry(string?, out MoneyEntry, out MoneyEntryProblem)"/>, with what to tell the person for a
    /// currency it cannot take: the codes an ambiguous sign may stand for, or the code that is no ISO 4217 code.
    /// </summary>
    public static bool TryReadEntry(string? text, out MoneyEntry entry, out MoneyEntryProblem problem, out string? currencyMessage)
    {
        currencyMessage = null;
        entry = new MoneyEntry(null, 0, null);
        problem = MoneyEntryProblem.Unreadable;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (text.Length > 100)
        {
            // Too long to be read as an entry; a long run of digits is still a figure, only far too large for an amount.
            if (IsLongFigure(text))
            {
                problem = MoneyEntryProblem.TooLarge;
            }

            return false;
        }

        if (Entry().Match(text) is not { Success: true } match)
        {
            return false;
        }

        var currencies = new List<string>();
        foreach (var written in new[] { "cur", "cur2", "word" }.Where(g => match.Groups[g].Success).Select(g => match.Groups[g].Value.Trim()))
        {
            if (Currencies.AmbiguousSigns.ContainsKey(written))
            {
                (problem, currencyMessage) = (MoneyEntryProblem.AmbiguousCurrency, Currencies.AmbiguousMessage(written));
                return false;
            }

            if (EntryCurrency(written) is not { } code)
            {
                (problem, currencyMessage) = (MoneyEntryProblem.UnknownCurrency, Currencies.UnknownMessage(written));
                return false;
            }

            currencies.Add(code);
        }

        if (currencies.Distinct().Count() > 1)
        {
            return false;
        }

        var secondScale = Scale(match.Groups["s2"].Value);
        var firstScale = Scale(match.Groups["s1"].Value) ?? (match.Groups["n2"].Success ? secondScale : null);
        if (EntryFigure(match.Groups["n1"].Value, firstScale, ref problem) is not { } low)
        {
            return false;
        }

        long? high = null;
        if (match.Groups["n2"].Success)
        {
            if (EntryFigure(match.Groups["n2"].Value, secondScale, ref problem) is not { } second)
            {
                return false;
            }

            if (second <= low)
            {
                problem = MoneyEntryProblem.Descending;
                return false;
            }

            high = second;
        }

        entry = new MoneyEntry(currencies.FirstOrDefault(), low, high);
        return true;
    }

    // Digits with at most one decimal point, after an optional dollar sign and before an optional scale letter.
    private static bool IsLongFigure(string text)
    {
        var figure = text.AsSpan().Trim().TrimStart('$').TrimEnd("KkMmBbTt").Trim();
        return figure.Length > 0 && !figure.ContainsAnyExcept(FigureChars) && figure.Count('.') <= 1 && figure.ContainsAnyInRange('0', '9');
    }

    private static readonly System.Buffers.SearchValues<char> FigureChars = System.Buffers.SearchValues.Create("0123456789.");

    private static long? EntryFigure(string number, decimal? scale, ref MoneyEntryProblem problem)
    {
        var multiplier = scale ?? 1m;
        const NumberStyles styles = NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands;
        if (!decimal.TryParse(number, styles, CultureInfo.InvariantCulture, out var value))
        {
            // More digits than a decimal holds is still a number, only far too large for an amount.
            problem = MoneyEntryProblem.TooLarge;
            return null;
        }

        // Compared before multiplying: the product of a long figure and a unit can overflow even a decimal.
        if (value > AmountRange.MaxFigure / multiplier)
        {
            problem = MoneyEntryProblem.TooLarge;
            return null;
        }

        return (long)decimal.Round(value * multiplier, MidpointRounding.AwayFromZero);
    }

    // A sign, an ISO 4217 code, or a word for a currency ("dollars", "yen", "RMB").
    private static string? EntryCurrency(string written) =>
        Currencies.Signs.TryGetValue(written, out var code) ? code
        : Currency(written) ?? (written.Length == 3 && Currencies.IsKnown(written) ? written.ToUpperInvariant() : null);

    // The signs longest first, so that "US$" is read before "$" and "CN¥" before "¥".
    private static readonly string EntrySign = string.Join("|",
        Currencies.Signs.Keys.Concat(Currencies.AmbiguousSigns.Keys).OrderByDescending(k => k.Length).Select(Regex.Escape));

    // ASCII digits only (\d would take any script's), commas only between groups of three.
    private const string EntryNum = @"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?|\.[0-9]+";

    // Built once from the signs: a currency before a figure is a sign or three letters, after it also a word.
    private static readonly Regex EntryPattern = new(
        $@"^\s*(?:(?<cur>{EntrySign}|[A-Z]{{3}}(?![A-Z]))\s?)?(?<n1>{EntryNum})(?:\s?(?<s1>{ScaleWord})\b)?" +
        $@"(?:\s?(?<sep>–|—|-|\bto\b)\s?(?:(?<cur2>{EntrySign}|[A-Z]{{3}}(?![A-Z]))\s?)?(?<n2>{EntryNum})(?:\s?(?<s2>{ScaleWord})\b)?)?" +
        $@"(?:\s?(?<word>{CurrencyWord}|{EntrySign}|[A-Z]{{3}})(?![A-Z]))?\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture,
        TimeSpan.FromSeconds(1));

    private static Regex Entry() => EntryPattern;
}
