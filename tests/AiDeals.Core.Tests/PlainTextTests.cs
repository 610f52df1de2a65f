using AiDeals.Core.Features;
using AiDeals.Core.Features.Deals;
using AiDeals.Core.Features.Organizations;

namespace AiDeals.Core.Tests;

/// <summary>Text fields refuse the characters that hide what text says, and keep every script, emoji and line break.</summary>
public class PlainTextTests
{
    [Theory]
    [InlineData("Open\u0000AI", "Remove the hidden character U+0000 at position 5.")]
    [InlineData("invoice\u202Egpj.exe", "Remove the hidden character U+202E at position 8.")]
    [InlineData("a\u2067b\u2069", "Remove the hidden character U+2067 at position 2.")]
    [InlineData("\u200B", "Remove the hidden character U+200B at position 1.")]
    [InlineData("\uFEFFTitle", "Remove the hidden character U+FEFF at position 1.")]
    [InlineData("line\u0085next", "Remove the hidden character U+0085 at position 5.")]
    [InlineData("end\uFFFF", "Remove the hidden character U+FFFF at position 4.")]
    public void Problem_HiddenCharacter_NamesItAndWhereItIs(string text, string expected)
    {
        Assert.Equal(expected, PlainTextAttribute.Problem(text));
    }

    // Not theory data: the test runner replaces a lone surrogate in a theory's arguments before the test sees it.
    [Fact]
    public void Problem_LoneHalfOfASurrogatePair_NamesIt()
    {
        Assert.Equal("Remove the hidden character U+D83D at position 8.", PlainTextAttribute.Problem("broken \uD83D pair"));
        Assert.Equal("Remove the hidden character U+DE00 at position 2.", PlainTextAttribute.Problem("x\uDE00"));
        Assert.Equal("Remove the hidden character U+DE80 at position 1.", PlainTextAttribute.Problem("\uDE80\uD83D"));
        Assert.Null(PlainTextAttribute.Problem("rocket \uD83D\uDE80"));
    }

    [Theory]
    [InlineData("SoftBank–OpenAI AI partnership")]
    [InlineData("深度求索 DeepSeek")]
    [InlineData("شركة أرامكو")]
    [InlineData("Family 👨‍👩‍👧 emoji with joiners 🚀")]
    [InlineData("First line\r\nSecond line\twith a tab")]
    [InlineData("می‌خواهم")]
    public void Problem_OrdinaryTextOfAnyScript_IsNone(string text)
    {
        Assert.Null(PlainTextAttribute.Problem(text));
    }

    [Fact]
    public void Validate_HiddenCharacterInAQuoteOrAnAlias_IsRefusedOnThatField()
    {
        var deal = new DealForm { Title = "A deal", Citations = [new CitationForm { SourceId = 1, Quote = "said\u0000" }] };
        var organization = new OrganizationForm { Name = "Acme", Aliases = ["Acme Corp", "\u202EemcA"] };
        var dealErrors = new FieldErrors();
        var organizationErrors = new FieldErrors();

        DealValidator.Validate(deal, dealId: 0, dealErrors);
        OrganizationValidator.Validate(organization, organizationErrors);

        Assert.Equal(["Remove the hidden character U+0000 at position 5."], dealErrors.ToDictionary()["Citations[0].Quote"]);
        Assert.Equal(["Remove the hidden character U+202E at position 1."], organizationErrors.ToDictionary()["Aliases"]);
    }
}
