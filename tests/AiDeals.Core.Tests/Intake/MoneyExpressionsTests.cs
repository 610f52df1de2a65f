using AiDeals.Core.Domain;
using AiDeals.Core.Features.Intake;

namespace AiDeals.Core.Tests.Intake;

/// <summary>Amounts of money as articles write them, each with its currency, figures and the uncertainty its words imply.</summary>
public sealed class MoneyExpressionsTests
{
    private const long B = 1_000_000_000;
    private const long M = 1_000_000;

    public static TheoryData<string, string, string, long?, long?, AmountQualifier> OneAmount() => new()
    {
        { "SoftBank is reportedly in talks to invest up to $25 billion in OpenAI.", "up to $25 billion", "USD", null, 25 * B, AmountQualifier.UpTo },
        { "SoftBank could spend more than $40 billion on AI initiatives.", "more than $40 billion", "USD", 40 * B, null, AmountQualifier.AtLeast },
        { "SoftBank is expected to commit $15 billion to $25 billion directly into OpenAI.", "$15 billion to $25 billion", "USD", 15 * B, 25 * B, AmountQualifier.Range },
        { "SoftBank Plans $15–25B OpenAI Investment", "$15–25B", "USD", 15 * B, 25 * B, AmountQualifier.Range },
        { "The round is valued between $1bn and $2bn, people said.", "between $1bn and $2bn", "USD", 1 * B, 2 * B, AmountQualifier.Range },
        { "Nvidia saw its market cap drop by nearly $589 billion in a day.", "nearly $589 billion", "USD", 589 * B, 589 * B, AmountQualifier.Estimated },
        { "Mistral raised €600 million in June.", "€600 million", "EUR", 600 * M, 600 * M, AmountQualifier.Exact },
        { "The lab secured £1bn from the state.", "£1bn", "GBP", 1 * B, 1 * B, AmountQualifier.Exact },
        { "SoftBank booked a ¥1 trillion gain.", "¥1 trillion", "JPY", 1_000 * B, 1_000 * B, AmountQualifier.Exact },
        { "The fund put in 1.5bn dollars.", "1.5bn dollars", "USD", 1_500 * M, 1_500 * M, AmountQualifier.Exact },
        { "A $500m seed round closed.", "$500m", "USD", 500 * M, 500 * M, AmountQualifier.Exact },
        { "They spent half a billion dollars on chips.", "half a billion dollars", "USD", 500 * M, 500 * M, AmountQualifier.Exact },
        { "Moonshot raised about 2 billion yuan.", "about 2 billion yuan", "CNY", 2 * B, 2 * B, AmountQualifier.Estimated },
        { "The deal was worth US$2.5 billion.", "US$2.5 billion", "USD", 2_500 * M, 2_500 * M, AmountQualifier.Exact },
        { "It agreed to pay USD 750 million in cash.", "USD 750 million", "USD", 750 * M, 750 * M, AmountQualifier.Exact },
        { "The grant came to $16,000,000 in total.", "$16,000,000", "USD", 16 * M, 16 * M, AmountQualifier.Exact },
        { "Investors committed at least $3 billion.", "at least $3 billion", "USD", 3 * B, null, AmountQualifier.AtLeast },
        { "The startup raised as much as $1.2 billion.", "as much as $1.2 billion", "USD", null, 1_200 * M, AmountQualifier.UpTo },
    };

    [Theory]
    [MemberData(nameof(OneAmount))]
    public void Find_OneAmount_ReadsItsWordsCurrencyFiguresAndQualifier(
        string sentence, string text, string currency, long? low, long? high, AmountQualifier qualifier)
    {
        var mention = Assert.Single(MoneyExpressions.Find(sentence));

        Assert.Equal(text, mention.Text);
        Assert.Equal(text, sentence.Substring(mention.Start, mention.Length));
        Assert.Equal(currency, mention.Currency);
        Assert.Equal(low, mention.Low);
        Assert.Equal(high, mention.High);
        Assert.Equal(qualifier, mention.Qualifier);
    }

    [Fact]
    public void Find_Qualifier_NamesTheWordsThatDecidedIt()
    {
        Assert.Equal("up to", MoneyExpressions.Find("to invest up to $25 billion in OpenAI")[0].Cue);
        Assert.Equal("more than", MoneyExpressions.Find("could see SoftBank spend more  than $40 billion")[0].Cue);
        Assert.Null(MoneyExpressions.Find("a $100 billion investment")[0].Cue);
    }

    [Theory]
    [InlineData("The model has 15 billion parameters.")]
    [InlineData("Companies might not need to spend billions on AI hardware.")]
    [InlineData("A subscription costs $20 a month.")]
    [InlineData("Shares rose 12% to 140.")]
    [InlineData("The company was founded in 2019 and has 1,500 staff.")]
    [InlineData("Revenue grew 3.5 times.")]
    public void Find_NumbersThatAreNotMoney_FindsNothing(string sentence) => Assert.Empty(MoneyExpressions.Find(sentence));

    [Fact]
    public void Find_TwoAmountsJoinedByAnd_AreTwoAmounts()
    {
        var mentions = MoneyExpressions.Find("It invested $1bn and $2bn in two rounds.");

        Assert.Equal(["$1bn", "$2bn"], mentions.Select(m => m.Text));
        Assert.All(mentions, m => Assert.Equal(AmountQualifier.Exact, m.Qualifier));
    }

    [Fact]
    public void Find_SeveralAmountsInOneSentence_InTheirOrder()
    {
        var mentions = MoneyExpressions.Find(
            "SoftBank is expected to commit $15 billion to $25 billion directly into OpenAI, in addition to $15 billion for Stargate.");

        Assert.Equal(["$15 billion to $25 billion", "$15 billion"], mentions.Select(m => m.Text));
        Assert.Equal(AmountQualifier.Range, mentions[0].Qualifier);
        Assert.Equal(AmountQualifier.Exact, mentions[1].Qualifier);
    }

    [Fact]
    public void Find_DescendingPair_IsNoRange()
    {
        Assert.Empty(MoneyExpressions.Find("a $25–15B swing"));
    }

    [Fact]
    public void Find_FigureBeyondAnyDeal_IsLeftOut()
    {
        Assert.Empty(MoneyExpressions.Find("a $900 trillion fantasy"));
    }
}
