using AiDeals.Core.Domain;
using AiDeals.Core.Features.Intake;

namespace AiDeals.Core.Tests.Intake;

/// <summary>A deal's status read from the words nearest its amount, and why.</summary>
public sealed class StatusCuesTests
{
    public static TheoryData<string, string, DealStatus, string> SeedSentences() => new()
    {
        { "SoftBank is reportedly in talks to invest up to $25 billion in OpenAI, a move that could make the Japanese conglomerate the largest single backer of the ChatGPT maker, surpassing Microsoft.", "$25 billion", DealStatus.InTalks, "in talks" },
        { "This investment is part of a broader partnership that could see SoftBank spend more than $40 billion on AI initiatives with OpenAI.", "$40 billion", DealStatus.InTalks, "could" },
        { "This potential deal follows the recent announcement of a $100 billion investment in Stargate, a U.S.-based data center project backed by OpenAI and SoftBank.", "$100 billion", DealStatus.Announced, "announcement" },
        { "SoftBank is expected to commit $15 billion to $25 billion directly into OpenAI, in addition to $15 billion for Stargate, which could help cover OpenAI’s infrastructure costs.", "$15 billion to $25 billion", DealStatus.InTalks, "expected to" },
        { "For SoftBank founder Masayoshi Son, this would be his most significant bet since investing $16 billion in WeWork, which ultimately failed.", "$16 billion", DealStatus.Completed, "since investing" },
        { "Mistral raised €600 million in June.", "€600 million", DealStatus.Completed, "raised" },
        { "The acquisition, agreed in March for $2 billion, was called off in May.", "$2 billion", DealStatus.Abandoned, "called off" },
        { "Apple is rumored to invest $1 billion in the lab.", "$1 billion", DealStatus.Rumored, "rumored" },
    };

    [Theory]
    [MemberData(nameof(SeedSentences))]
    public void Nearest_TheCueClosestToTheAmount_DecidesTheStatus(string sentence, string amount, DealStatus status, string words)
    {
        var cue = StatusCues.Nearest(sentence, sentence.IndexOf(amount, StringComparison.Ordinal), amount.Length);

        Assert.NotNull(cue);
        Assert.Equal(status, cue.Status);
        Assert.Equal(words, cue.Words);
        Assert.Equal(words, sentence.Substring(cue.Start, cue.Words.Length));
    }

    [Fact]
    public void Nearest_NoCue_IsNull() =>
        Assert.Null(StatusCues.Nearest("OpenAI has a $157 billion valuation.", 13, 12));

    [Fact]
    public void Outcome_Failed_IsTheOutcomeNotTheStatus()
    {
        const string sentence = "this would be his most significant bet since investing $16 billion in WeWork, which ultimately failed.";

        Assert.Equal("ultimately failed", StatusCues.Outcome(sentence));
        Assert.DoesNotContain(StatusCues.All(sentence), cue => cue.Status == DealStatus.Abandoned);
        Assert.Null(StatusCues.Outcome("SoftBank invested $16 billion in WeWork."));
    }
}
