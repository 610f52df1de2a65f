using AiDeals.Core.Domain;
using AiDeals.Core.Features.History;
using AiDeals.Web.Features.History;

namespace AiDeals.Web.Tests.Features.History;

public sealed class ChangeTextTests
{
    [Theory]
    [InlineData("AmountLow", "Amount low")]
    [InlineData("TargetId", "Target")]
    [InlineData("OutcomeNote", "Outcome note")]
    [InlineData("Title", "Title")]
    public void Field_PascalCaseName_ReadsAsWords(string field, string expected) =>
        Assert.Equal(expected, ChangeText.Field(field));

    [Theory]
    [InlineData("AmountHigh", "25000000000", "$25B")]
    [InlineData("CommitmentLow", "15000000000", "$15B")]
    [InlineData("Status", "InTalks", "In talks")]
    [InlineData("Kind", "EquityInvestment", "Equity investment")]
    [InlineData("AmountQualifier", "AtLeast", "At least")]
    [InlineData("Role", "CoInvestor", "Co-investor")]
    [InlineData("Kind", "PostMoney", "Post-money")]
    [InlineData("Type", "CorporateInvestor", "Corporate investor")]
    [InlineData("Title", "15000000000", "15000000000")]
    [InlineData("Notes", null, "—")]
    public void Value_KnownField_ReadsForPeople(string field, string? value, string expected) =>
        Assert.Equal(expected, ChangeText.Value(field, value));

    [Fact]
    public void Value_ReferenceWithAName_ShowsTheName()
    {
        var names = new ReferenceNames(new Dictionary<(string, string), string> { [("TargetId", "2")] = "OpenAI" });

        Assert.Equal("OpenAI", ChangeText.Value("TargetId", "2", names));
        Assert.Equal("3", ChangeText.Value("TargetId", "3", names));
    }

    [Fact]
    public void When_UtcTime_ReadsWithItsZone() =>
        Assert.Equal("28 Nov 2026, 16:50 UTC", ChangeText.When(new DateTime(2026, 11, 28, 16, 50, 31, DateTimeKind.Utc)));

    [Fact]
    public void Fields_NewDealWithoutClosingDate_LeavesOutTheClosingPrecision()
    {
        var change = new ChangeRecord(1, DateTime.UtcNow, "seed", AuditAction.Created, "Deal", "1",
            [
                new FieldChangeView("AnnouncedOn", null, "2025-01-01"),
                new FieldChangeView("AnnouncedPrecision", null, "Month"),
                new FieldChangeView("ClosedPrecision", null, "Day"),
            ],
            null);

        Assert.Equal(["AnnouncedOn", "AnnouncedPrecision"], ChangeText.Fields(change).Select(f => f.Field));
    }
}
