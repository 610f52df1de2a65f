using System.Text.RegularExpressions;
using AiDeals.Core.Domain;

namespace AiDeals.Core.Features.Intake;

/// <summary>What an amount of a sentence is, by the words around it.</summary>
public enum FigureKind
{
    /// <summary>Money that moves from investors to a target: a deal.</summary>
    Deal,

    /// <summary>What an organization is worth: "a valuation of $157B", "valued at", "valuing X at".</summary>
    Valuation,

    /// <summary>A change in market value: "its market cap dropped by $589B" (an event, not an investment).</summary>
    MarketChange,

    /// <summary>A figure that is no deal (revenue, costs, a fine, a salary) or a sentence without investing words.</summary>
    Other,
}

/// <summary>
/// Tells a sentence's amounts apart: a valuation, a change in market value, a deal, or another figure. A deal needs
/// investing words in the sentence ("invest", "raised", "funding", "backed", "acquire", "partnership" ...); an article's
/// own numbers that are no deal (a market cap lost, revenue, costs) are never proposed as investments.
/// </summary>
public static partial class FigureKinds
{
    public static FigureKind Of(string sentence, MoneyMention money)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        ArgumentNullException.ThrowIfNull(money);
        var before = sentence[..money.Start];
        var after = sentence[money.End..];
        if (ValuationBefore().IsMatch(before) || ValuationAfter().IsMatch(after))
        {
            return FigureKind.Valuation;
        }

        if (MarketWords().IsMatch(before) && ChangeWords().IsMatch(sentence))
        {
            return FigureKind.MarketChange;
        }

        if (OtherBefore().IsMatch(before) || OtherAfter().IsMatch(after))
        {
            return FigureKind.Other;
        }

        return DealWords().IsMatch(sentence) ? FigureKind.Deal : FigureKind.Other;
    }

    /// <summary>The valuation's kind by its words ("pre-money" → pre-money; otherwise post-money, what a round's valuation means).</summary>
    public static ValuationKind ValuationKindOf(string sentence) =>
        sentence.Contains("pre-money", StringComparison.OrdinalIgnoreCase) ? ValuationKind.PreMoney : ValuationKind.PostMoney;

    /// <summary>The sign of a change in market value: a drop is negative.</summary>
    public static int SignOf(string sentence) => Drop().IsMatch(sentence) ? -1 : 1;

    [GeneratedRegex(@"(?:\bvaluation\s+(?:of\s+|at\s+|reaching\s+|to\s+|hit(?:ting)?\s+|now\s+at\s+|near\s+|above\s+|topping\s+)?(?:an?\s+)?(?:about\s+|nearly\s+|roughly\s+|around\s+)?|\bvalu(?:e|es|ed|ing)\s+(?:[^,.$€£¥]{1,40}?\s+)?at\s+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ValuationBefore();

    [GeneratedRegex(@"^\s*(?:post-money\s+|pre-money\s+)?valuation\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ValuationAfter();

    [GeneratedRegex(@"\b(?:market\s+(?:cap|capitalization|capitalisation|value)|shares|stock)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MarketWords();

    [GeneratedRegex(@"\b(?:drop(?:s|ped)?|fell|fall(?:s|ing)?|lost|los(?:e|es|ing)|plunge[sd]?|plunging|slump(?:s|ed)?|shed|wiped|tumble[sd]?|sank|rose|rise[sn]?|gain(?:s|ed)?|jump(?:s|ed)?|surge[sd]?|added|soar(?:s|ed)?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ChangeWords();

    [GeneratedRegex(@"\b(?:drop(?:s|ped)?|fell|fall(?:s|ing)?|lost|los(?:e|es|ing)|plunge[sd]?|plunging|slump(?:s|ed)?|shed|wiped|tumble[sd]?|sank)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Drop();

    [GeneratedRegex(@"\b(?:revenue|revenues|sales|profit|profits|loss|losses|costs?|fine[sd]?|penalty|salary|pay\s+package|budget|debt\s+load|annual\s+run\s+rate|run\s+rate|income|spent\s+on\s+compute)\s+(?:of\s+|to\s+|at\s+|reached\s+|reaching\s+|hit\s+|topped\s+)?(?:about\s+|nearly\s+|some\s+|more\s+than\s+|over\s+|around\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OtherBefore();

    [GeneratedRegex(@"^\s*(?:in\s+(?:annual\s+)?(?:revenue|sales|profit|losses?|costs?)|of\s+(?:annual\s+)?(?:revenue|sales)|a\s+year\s+in\s+revenue|annual\s+recurring\s+revenue)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OtherAfter();

    [GeneratedRegex(@"\b(?:invest\w*|commit\w*|spend\w*|spent|rais(?:e|es|ed|ing)|funding|financing|round|backed|backing|fund(?:s|ed)?|acqui\w+|buy(?:s|ing)?|bought|stake|partnership|joint\s+venture|pledge[sd]?|loan|deal|pour\w*|inject\w*|bet|secur(?:e|es|ed|ing)|led\s+by|put\w*)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DealWords();
}
