using System.Globalization;
using AiDeals.Core.Domain;
using AiDeals.Core.Features.Intake;

namespace AiDeals.Web.Components.Shared;

/// <summary>
/// Amounts as people write them ("10B", "$1.5T", "250m", "12,000,000", and for a deal's amount "€600M" or "$15–25B")
/// and back: the amount fields of the editors and the deal list's amount filters read them alike.
/// </summary>
public static class AmountText
{
    /// <summary>What a field says of text that is no amount.</summary>
    public const string UnreadableMessage = "Write an amount such as 15B, 2.5M or 12,000,000.";


    /// <summary>What a field says of an amount above <see cref="AmountRange.MaxFigure"/>.</summary>
    public static string TooLargeMessage { get; } = AmountRange.ValidateFigure(AmountRange.MaxFigure + 1)!;

    /// <summary>A total's low and high ends as the charts and tables show them: "$15B" when they meet, "$46B–$56B" when not.</summary>
    public static string Span(long low, long high) =>
        low == high ? AmountRange.Format(low) : AmountRange.Format(low) + "–" + AmountRange.Format(high);

    /// <summary>What a dollars-only field (a commitment, a filter, a valuation) says of a figure in another currency.</summary>
    public const string DollarsOnlyMessage = "This figure is in US dollars: write it without another currency, such as 15B.";

    /// <summary>What a field says of a range whose second figure is not above its first.</summary>
    public const string DescendingMessage = "A range goes from the lower figure to the higher, such as 15–25B.";

    /// <summary>Reads an amount as people write it: "10B", "$1.5T", "250m", "12,000,000", "12000000".</summary>
    public static bool TryParse(string? text, out long dollars) => TryParse(text, out dollars, out _);

    /// <summary>
    /// Reads one dollar figure as people write it, or says why it cannot: <paramref name="problem"/> is
    /// <see cref="UnreadableMessage"/> for text that is no amount, <see cref="TooLargeMessage"/> for one above
    /// <see cref="AmountRange.MaxFigure"/> and <see cref="DollarsOnlyMessage"/> for one in another currency. Never throws,
    /// however many digits it is given.
    /// </summary>
    public static bool TryParse(string? text, out long dollars, out string? problem)
    {
        dollars = 0;
        if (!TryParseEntry(text, out var entry, out problem))
        {
            // A falling range is still a range, which a field of one figure does not take.
            if (problem == DescendingMessage)
            {
                problem = UnreadableMessage;
            }

            return false;
        }

        if (entry.High is not null)
        {
            problem = UnreadableMessage;
            return false;
        }

        if (!Currencies.IsUsd(entry.Currency))
        {
            problem = DollarsOnlyMessage;
            return false;
        }

        dollars = entry.Low;
        return true;
    }

    /// <summary>
    /// Reads an amount in any currency, or a range, as the deal's amount field takes it: "€600M", "600M EUR", "£1bn",
    /// "¥1 trillion", "CHF 600M", "₹5,000M", "$15–25B" (the same reading as news intake's, <see cref="MoneyExpressions"/>).
    /// </summary>
    public static bool TryParseEntry(string? text, out MoneyEntry entry, out string? problem)
    {
        if (MoneyExpressions.TryReadEntry(text, out entry, out var why, out var currencyMessage))
        {
            problem = null;
            return true;
        }

        problem = currencyMessage ?? why switch
        {
            MoneyEntryProblem.TooLarge => TooLargeMessage,
            MoneyEntryProblem.Descending => DescendingMessage,
            _ => UnreadableMessage,
        };
        return false;
    }

    /// <summary>What an amount field shows for a figure: "15B" when that reads back to the very dollars, else "12,345,678".</summary>
    public static string Editable(long dollars)
    {
        var round = AmountRange.Format(dollars).TrimStart('$');
        return TryParse(round, out var read) && read == dollars ? round : dollars.ToString("N0", CultureInfo.InvariantCulture);
    }
}
