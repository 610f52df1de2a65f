using AiDeals.Core.Features.Intake;

namespace AiDeals.Core.Tests.Intake;

/// <summary>Known organizations found in a sentence by name or alias, as articles write them.</summary>
public sealed class OrganizationMentionsTests
{
    private static readonly KnownOrganization SoftBank = new(1, "SoftBank Group", ["SoftBank", "SoftBank Group Corp."]);
    private static readonly KnownOrganization OpenAi = new(2, "OpenAI", []);
    private static readonly KnownOrganization Microsoft = new(3, "Microsoft", []);
    private static readonly KnownOrganization Stargate = new(4, "Stargate", ["Stargate project"]);

    private static readonly OrganizationMentions Matcher = new([SoftBank, OpenAi, Microsoft, Stargate]);

    [Fact]
    public void Find_NamesAndAliases_InTheirOrder_WithTheirWords()
    {
        const string sentence = "SoftBank is reportedly in talks to invest up to $25 billion in OpenAI, surpassing Microsoft.";

        var mentions = Matcher.Find(sentence);

        Assert.Equal(["SoftBank", "OpenAI", "Microsoft"], mentions.Select(m => m.Text));
        Assert.Equal([1, 2, 3], mentions.Select(m => m.Organization.Id));
        Assert.All(mentions, m => Assert.Equal(m.Text, sentence.Substring(m.Start, m.Length)));
    }

    [Theory]
    [InlineData("It could help cover OpenAI’s infrastructure costs.", "OpenAI’s")]
    [InlineData("It could help cover OpenAI's infrastructure costs.", "OpenAI's")]
    [InlineData("It could help cover openai's costs.", "openai's")]
    [InlineData("The investors' money went to OPENAI.", "OPENAI")]
    public void Find_PossessivesCurlyQuotesAndCase_AreTheSameOrganization(string sentence, string words)
    {
        var mention = Assert.Single(Matcher.Find(sentence));

        Assert.Equal(words, mention.Text);
        Assert.Equal(2, mention.Organization.Id);
    }

    [Fact]
    public void Find_LongestNameWins_WhereNamesOverlap()
    {
        var mention = Assert.Single(Matcher.Find("SoftBank Group said the Stargate project would grow."), m => m.Organization.Id == 1);

        Assert.Equal("SoftBank Group", mention.Text);
        Assert.Equal("Stargate project", Matcher.Find("SoftBank Group said the Stargate project would grow.")[1].Text);
    }

    [Theory]
    [InlineData("OpenAIX is a different company.")]
    [InlineData("Microsofts of the world.")]
    [InlineData("A softbankish mood.")]
    public void Find_NameInsideAnotherWord_IsNoMention(string sentence) => Assert.Empty(Matcher.Find(sentence));
}
