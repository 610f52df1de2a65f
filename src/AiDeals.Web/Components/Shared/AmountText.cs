using System.Globalization;
using AiDeals.Core.Domain;

namespace AiDeals.Web.Components.Shared;

/// <summary>
/// Dollar amounts as people write them ("10B", "$1.5T", "250m", "12,000,000") and back: the amount fields of the editors
/// and the deal list's amount filters read them alike.
/// </summary>
public static class AmountText
{
    /// <summary>Reads an amount as people write it: "10B", "$1.5T", "250m", "12,000,000", "12000000".</summary>
    public static bool TryParse(string? text, out long dollars)
    {
        dollars = 0;
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

        if (!decimal.TryParse(span, NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        var amount = decimal.Round(number * multiplier, MidpointRounding.AwayFromZero);
        if (amount > long.MaxValue)
        {
            return false;
        }

        dollars = (long)amount;
        return true;
    }

    /// <summary>What an amount field shows for a figure: "15B" when that reads back to the very dollars, else "12,345,678".</summary>
    public static string Editable(long dollars)
    {
        var round = AmountRange.Format(dollars).TrimStart('$');
        return TryParse(round, out var read) && read == dollars ? round : dollars.ToString("N0", CultureInfo.InvariantCulture);
    }
}
