using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AiDeals.Core.Tests.Support;

namespace AiDeals.Core.Tests;

/// <summary>The deal book against its source: every dollar figure of the article is in it, and every quote is the article's.</summary>
public partial class DealBookArticleTests
{
    private readonly string _article = File.ReadAllText(SeedData.ArticlePath);
    private readonly JsonObject _book = SeedData.ReadDealBook();

    [Fact]
    public void DealBook_EveryDollarFigureOfTheArticle_IsAnAmountInTheDealBook()
    {
        var figures = DollarFigure().Matches(_article)
            .Select(m => (Text: m.Value, Dollars: ToDollars(m.Groups["number"].Value, m.Groups["unit"].Value)))
            .ToList();
        var amounts = Amounts().ToHashSet();

        // The article states eleven figures, from "$25 Billion" in the headline to "$157 billion" near the end.
        Assert.Equal(11, figures.Count);
        Assert.All(figures, figure => Assert.True(
            amounts.Contains(figure.Dollars),
            $"'{figure.Text}' ({figure.Dollars.ToString(CultureInfo.InvariantCulture)} dollars) is in the article but in no amount of the deal book"));
    }

    [Fact]
    public void DealBook_EveryQuote_IsVerbatimInTheArticle()
    {
        var quotes = _book.Descendants()
            .Where(node => node is JsonObject citation && citation.ContainsKey("quote"))
            .Select(citation => citation.Text("quote"))
            .ToList();

        Assert.True(quotes.Count >= 20, $"expected a quote for every figure, found {quotes.Count}");
        Assert.All(quotes, quote => Assert.Contains(quote, _article, StringComparison.Ordinal));
    }

    private static long ToDollars(string number, string unit)
    {
        var scale = unit.ToUpperInvariant() switch
        {
            "TRILLION" => 1_000_000_000_000m,
            "BILLION" => 1_000_000_000m,
            _ => 1_000_000m,
        };
        return (long)(decimal.Parse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) * scale);
    }

    /// <summary>Every figure the deal book holds: deal amounts, commitments, valuations and (unsigned) market-event amounts.</summary>
    private IEnumerable<long> Amounts()
    {
        foreach (var deal in _book.Objects("deals"))
        {
            yield return deal["amount"].Long("low") ?? 0;
            yield return deal["amount"].Long("high") ?? 0;
            foreach (var participant in deal["participants"]!.AsArray())
            {
                yield return participant!["commitment"].Long("low") ?? 0;
                yield return participant["commitment"].Long("high") ?? 0;
            }
        }

        foreach (var valuation in _book.Objects("valuations"))
        {
            yield return valuation.Long("amount") ?? 0;
        }

        foreach (var marketEvent in _book.Objects("marketEvents"))
        {
            yield return Math.Abs(marketEvent.Long("amount") ?? 0);
        }
    }

    [GeneratedRegex(@"\$(?<number>\d+(?:\.\d+)?)\s*(?<unit>billion|million|trillion)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DollarFigure();
}
