using System.Buffers;
using System.Globalization;
using AiDeals.Core.Domain;

namespace AiDeals.Web.Components.Shared;

/// <summary>
/// Dollar amounts as people write them ("10B", "$1.5T", "250m", "12,000,000") and back: the amount fields of the editors
/// and the deal list's amount filters read them alike.
/// </summary>
public static class AmountText
{
    /// <summary>What a field says of text that is no amount.</summary>
    public const string UnreadableMessage = "Write an amount such as 15B, 2.5M or 12,000,000.";

    private const NumberStyles Styles = NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands;

    private static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");

    /// <summary>What a field says of an amount above <see cref="AmountRange.MaxFigure"/>.</summary>
    public static string TooLargeMessage { get; } = AmountRange.ValidateFigure(AmountRange.MaxFigure + 1)!;

    /// <summary>A total's low and high ends as the charts and tables show them: "$15B" when they meet, "$46B–$56B" when not.</summary>
    public static string Span(long low, long high) =>
        low == high ? AmountRange.Format(low) : AmountRange.Format(low) + "–" + AmountRange.Format(high);

    /// <summary>Reads an amount as people write it: "10B", "$1.5T", "250m", "12,000,000", "12000000".</summary>
    public static bool TryParse(string? text, out long dollars) => TryParse(text, out dollars, out _);

    /// <summary>
    /// Reads an amount as people write it, or says why it cannot: <paramref name="problem"/> is
    /// <see cref="UnreadableMessage"/> for text that is no amount and <see cref="TooLargeMessage"/> for one above
    /// <see cref="AmountRange.MaxFigure"/>. Never throws, however many digits it is given.
    /// </summary>
    public static bool TryParse(string? text, out long dollars, out string? problem)
    {
        dollars = 0;
        problem = UnreadableMessage;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var span = text.Trim().TrimStart('$').Trim();
        var multiplier = 1m;
        if (span.Length > 0)
        {
            multiplier = char.ToUpperInvariant(span[^1]) switch
            {
                'K' => 1_000m,
                'M' => 1_000_000m,
                'B' => 1_000_000_000m,
                'T' => 1_000_000_000_000m,
                _ => 1m,
            };
        }

        if (multiplier != 1m)
        {
            span = span[..^1].TrimEnd();
        }

        // .NET takes a comma anywhere as a thousands separator ("15,5" would be 155); only groups of three are read.
        if (!WellGrouped(span))
        {
            return false;
        }

        if (!decimal.TryParse(span, Styles, CultureInfo.InvariantCulture, out var number))
        {
            // Digits beyond a decimal's 29 are still a number, only far too large for one (WellGrouped let no NaN through).
            if (double.TryParse(span, Styles, CultureInfo.InvariantCulture, out _))
            {
                problem = TooLargeMessage;
            }

            return false;
        }

        // Compared before multiplying: the product of a long figure and a unit can overflow even a decimal.
        if (number > AmountRange.MaxFigure / multiplier)
        {
            problem = TooLargeMessage;
            return false;
        }

        dollars = (long)decimal.Round(number * multiplier, MidpointRounding.AwayFromZero);
        problem = null;
        return true;
    }

    /// <summary>What an amount field shows for a figure: "15B" when that reads back to the very dollars, else "12,345,678".</summary>
    public static string Editable(long dollars)
    {
        var round = AmountRange.Format(dollars).TrimStart('$');
        return TryParse(round, out var read) && read == dollars ? round : dollars.ToString("N0", CultureInfo.InvariantCulture);
    }

    // ASCII digits, at most one decimal point, and commas (if any) between groups of three digits before it.
    private static bool WellGrouped(ReadOnlySpan<char> text)
    {
        var point = text.IndexOf('.');
        var whole = point < 0 ? text : text[..point];
        var fraction = point < 0 ? [] : text[(point + 1)..];
        if (fraction.ContainsAnyExcept(Digits) || (whole.IsEmpty && fraction.IsEmpty))
        {
            return false;
        }

        if (!whole.Contains(','))
        {
            return !whole.ContainsAnyExcept(Digits);
        }

        var groups = whole.ToString().Split(',');
        return groups[0].Length is >= 1 and <= 3
            && groups.All(g => !g.AsSpan().ContainsAnyExcept(Digits))
            && groups.Skip(1).All(g => g.Length == 3);
    }
}
