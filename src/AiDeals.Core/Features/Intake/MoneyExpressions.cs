using System.Globalization;
using System.Text.RegularExpressions;
using AiDeals.Core.Domain;

namespace AiDeals.Core.Features.Intake;

/// <summary>
/// Finds the amounts of money in a sentence: "$25 billion", "$15 billion to $25 billion", "$15–25B", "between $1bn and
/// $2bn", "€600 million", "£1bn", "¥1 trillion", "1.5bn dollars", "$500m", "half a billion dollars", with the qualifier
/// the words before them give ("up to", "more than", "nearly", "about", "at least" ...). A number counts as money only
/// with a currency (a sign, a code or a word) and a scale or a figure of at least a million: "15 billion parameters"
/// and "$15" are not amounts. Deterministic: the same sentence always gives the same mentions.
/// </summary>
public static partial class MoneyExpressions
{
    private static readonly Dictionary<string, AmountQualifier> Qualifiers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["up to"] = AmountQualifier.UpTo,
        ["as much as"] = AmountQualifier.UpTo,
        ["at most"] = AmountQualifier.UpTo,
        ["no more than"] = AmountQualifier.UpTo,
        ["less than"] = AmountQualifier.UpTo,
        ["under"] = AmountQualifier.UpTo,
        ["more than"] = AmountQualifier.AtLeast,
        ["over"] = AmountQualifier.AtLeast,
        ["at least"] = AmountQualifier.AtLeast,
        ["in excess of"] = AmountQualifier.AtLeast,
        ["upwards of"] = AmountQualifier.AtLeast,
        ["north of"] = AmountQualifier.AtLeast,
        ["nearly"] = AmountQualifier.Estimated,
        ["almost"] = AmountQualifier.Estimated,
        ["about"] = AmountQualifier.Estimated,
        ["around"] = AmountQualifier.Estimated,
        ["roughly"] = AmountQualifier.Estimated,
        ["approximately"] = AmountQualifier.Estimated,
        ["close to"] = AmountQualifier.Estimated,
        ["some"] = AmountQualifier.Estimated,
        ["an estimated"] = AmountQualifier.Estimated,
    };

    public static IReadOnlyList<MoneyMention> Find(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var mentions = new List<MoneyMention>();
        foreach (Match match in Between().Matches(sentence))
        {
            if (Read(sentence, match) is { } mention)
            {
                mentions.Add(mention);
            }
        }

        foreach (Match match in Money().Matches(sentence))
        {
            if (!mentions.Any(m => match.Index < m.End && m.Start < match.Index + match.Length) && Read(sentence, match) is { } mention)
            {
                mentions.Add(mention);
            }
        }

        return [.. mentions.OrderBy(m => m.Start)];
    }

    private static MoneyMention? Read(string sentence, Match match)
    {
        var currency = Currency(match.Groups["cur"].Value) ?? Currency(match.Groups["cur2"].Value) ?? Currency(match.Groups["word"].Value);
        if (currency is null)
        {
            return null;
        }

        var secondScale = Scale(match.Groups["s2"].Value);
        var firstScale = Scale(match.Groups["s1"].Value) ?? (match.Groups["n2"].Success ? secondScale : null);
        var first = Figure(match.Groups["n1"].Value, firstScale);
        if (first is null)
        {
            return null;
        }

        long? second = match.Groups["n2"].Success ? Figure(match.Groups["n2"].Value, secondScale) : null;
        if (second <= first)
        {
            // A descending or equal pair ("$25–15B") is no range: leave it to a person.
            return null;
        }

        var start = match.Index;
        var before = sentence[..start];

        // A figure alone ends at its scale, or at its currency word when it has one and no second figure was read.
        var end = second is not null || !match.Groups["n2"].Success
            ? match.Index + match.Length
            : match.Groups["s1"].Success ? match.Groups["s1"].Index + match.Groups["s1"].Length : match.Groups["n1"].Index + match.Groups["n1"].Length;

        AmountQualifier qualifier;
        string? cue = null;
        if (second is not null)
        {
            qualifier = AmountQualifier.Range;
        }
        else if (QualifierBefore().Match(before) is { Success: true } words && Qualifiers.TryGetValue(Collapse(words.Groups["q"].Value), out var found))
        {
            qualifier = found;
            cue = Collapse(words.Groups["q"].Value);
            start = words.Groups["q"].Index;
        }
        else
        {
            qualifier = AmountQualifier.Exact;
        }

        var (low, high) = qualifier switch
        {
            AmountQualifier.Range => (first, second),
            AmountQualifier.UpTo => (null, first),
            AmountQualifier.AtLeast => (first, (long?)null),
            _ => (first, first),
        };
        var text = sentence[start..end].TrimEnd();
        return new MoneyMention(start, text.Length, text, currency, low, high, qualifier, cue);
    }

    private static long? Figure(string number, decimal? scale)
    {
        decimal value;
        if (number.Equals("half a", StringComparison.OrdinalIgnoreCase))
        {
            value = 0.5m;
        }
        else if (number.Equals("a", StringComparison.OrdinalIgnoreCase) || number.Equals("one", StringComparison.OrdinalIgnoreCase))
        {
            value = 1m;
        }
        else if (!decimal.TryParse(number.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
        {
            return null;
        }

        var amount = value * (scale ?? 1m);

        // Without a scale a figure must say millions itself ("$16,000,000"); "$15" is a price, not a deal.
        if (amount < 1_000_000m || amount > AmountRange.MaxFigure)
        {
            return null;
        }

        return (long)decimal.Round(amount, MidpointRounding.AwayFromZero);
    }

    private static decimal? Scale(string word) => word.ToLowerInvariant() switch
    {
        "trillion" or "tn" or "t" => 1_000_000_000_000m,
        "billion" or "bn" or "b" => 1_000_000_000m,
        "million" or "mn" or "m" or "mln" => 1_000_000m,
        "thousand" or "k" => 1_000m,
        _ => null,
    };

    private static string? Currency(string text) => text.Trim().ToUpperInvariant() switch
    {
        "$" or "US$" or "USD" or "DOLLARS" or "US DOLLARS" => "USD",
        "€" or "EUR" or "EUROS" => "EUR",
        "£" or "GBP" or "POUNDS" or "POUNDS STERLING" => "GBP",
        "¥" or "JPY" or "YEN" => "JPY",
        "CNY" or "RMB" or "YUAN" => "CNY",
        _ => null,
    };

    private static string Collapse(string words) => WhiteSpace().Replace(words.Trim(), " ").ToLowerInvariant();

    private const string Cur = @"US\$|\$|€|£|¥|USD\s?|EUR\s?|GBP\s?|JPY\s?|CNY\s?|RMB\s?";
    private const string Num = @"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|half\s+a|\ba|\bone";
    private const string ScaleWord = @"trillion|billion|million|thousand|tn|bn|mn|mln|[tbmk]";
    private const string CurrencyWord = @"US\s+dollars|dollars|euros|pounds(?:\s+sterling)?|yen|yuan|USD|EUR|GBP|JPY|CNY|RMB";

    [GeneratedRegex(
        $@"(?<![\w$€£¥])(?<cur>{Cur})?(?<n1>{Num})(?:\s?(?<s1>{ScaleWord})\b)?" +
        $@"(?:\s?(?<sep>–|—|-|\bto\b)\s?(?<cur2>{Cur})?(?<n2>{Num})\s?(?<s2>{ScaleWord})\b)?" +
        $@"(?:\s(?<word>{CurrencyWord})\b)?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Money();

    [GeneratedRegex(@"(?<q>\b(?:up\s+to|as\s+much\s+as|at\s+most|no\s+more\s+than|less\s+than|under|more\s+than|over|at\s+least|in\s+excess\s+of|upwards\s+of|north\s+of|nearly|almost|about|around|roughly|approximately|close\s+to|some|an\s+estimated))\s+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QualifierBefore();

    // "between $1bn and $2bn": a range, its "between" included (without it, "$1bn and $2bn" are two amounts).
    [GeneratedRegex(
        $@"\bbetween\s+(?<cur>{Cur})?(?<n1>{Num})(?:\s?(?<s1>{ScaleWord})\b)?\s+(?<sep>and)\s+(?<cur2>{Cur})?(?<n2>{Num})\s?(?<s2>{ScaleWord})\b" +
        $@"(?:\s(?<word>{CurrencyWord})\b)?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Between();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
