using AiDeals.Core.Features.Intake;
using AiDeals.Core.Tests.Support;

namespace AiDeals.Core.Tests.Intake;

/// <summary>An article cut into sentences that can be quoted verbatim and found again at their place.</summary>
public sealed class ArticleSentencesTests
{
    [Fact]
    public void Split_LinesAndSentences_EachAtItsPlace()
    {
        const string text = "SoftBank Plans $25 Billion OpenAI Investment\nSoftBank is in talks. It could spend $40B! Will it?\n\nThe end.";

        var sentences = ArticleSentences.Split(text);

        Assert.Equal(
            ["SoftBank Plans $25 Billion OpenAI Investment", "SoftBank is in talks.", "It could spend $40B!", "Will it?", "The end."],
            sentences.Select(s => s.Text));
        Assert.All(sentences, s => Assert.Equal(s.Text, text.Substring(s.Start, s.Text.Length)));
    }

    [Theory]
    [InlineData("Stargate, a U.S. data center project, was announced. It is big.", "Stargate, a U.S. data center project, was announced.")]
    [InlineData("OpenAI Inc. said so on Monday. Others did not.", "OpenAI Inc. said so on Monday.")]
    [InlineData("Masayoshi Son met J. Smith in Tokyo. They talked.", "Masayoshi Son met J. Smith in Tokyo.")]
    [InlineData("The fund raised $1.5bn last year. Then it stopped.", "The fund raised $1.5bn last year.")]
    [InlineData("He said “it is done.” Then he left.", "He said “it is done.”")]
    public void Split_AbbreviationsInitialsAndDecimals_DoNotEndASentence(string text, string first)
    {
        Assert.Equal(first, ArticleSentences.Split(text)[0].Text);
    }

    [Fact]
    public void Split_TheSeedArticle_HoldsEveryQuoteOfTheDealBookInsideOneSentence()
    {
        var sentences = ArticleSentences.Split(File.ReadAllText(SeedData.ArticlePath)).Select(s => s.Text).ToList();
        var book = SeedData.ReadDealBook();
        var quotes = new[] { "deals", "valuations", "marketEvents" }
            .SelectMany(array => book.Objects(array))
            .SelectMany(record => record["citations"]!.AsArray())
            .Select(citation => citation.Text("quote"))
            .Distinct()
            .ToList();

        Assert.True(quotes.Count >= 8, $"the deal book quotes the article {quotes.Count} times");
        Assert.All(quotes, quote => Assert.Contains(sentences, sentence => sentence.Contains(quote, StringComparison.Ordinal)));
    }

    [Fact]
    public void Split_EmptyOrBlank_GivesNoSentence()
    {
        Assert.Empty(ArticleSentences.Split(string.Empty));
        Assert.Empty(ArticleSentences.Split("  \n\t\n "));
    }
}
