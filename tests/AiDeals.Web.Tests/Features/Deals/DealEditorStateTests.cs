using System.Text.Json;
using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Deals;
using AiDeals.Core.Features.Organizations;
using AiDeals.Web.Features.Deals;

namespace AiDeals.Web.Tests.Features.Deals;

/// <summary>
/// The editor's first read travels from the prerendered page into the circuit as JSON (<c>[PersistentState]</c>, web
/// defaults): every field of the form and every name must come back as it left, or the circuit would show another form.
/// </summary>
public sealed class DealEditorStateTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public void State_AfterTheTripAsJson_HoldsTheSameFormAndNames()
    {
        var form = new DealForm
        {
            Id = 6,
            Version = 4,
            Title = "SoftBank investment in WeWork",
            Kind = DealKind.EquityInvestment,
            Status = DealStatus.Completed,
            ExternalId = "crm-6",
            TargetId = 12,
            Currency = "EUR",
            AmountLow = 15_000_000_000,
            AmountHigh = 25_000_000_000,
            AmountQualifier = AmountQualifier.Range,
            AnnouncedOn = new DateOnly(2024, 10, 1),
            AnnouncedPrecision = DatePrecision.Quarter,
            ClosedOn = new DateOnly(2025, 1, 27),
            PartOfIds = [3, 9],
            Notes = "Notes “quoted”",
            OutcomeNote = null,
            Participants =
            [
                new ParticipantForm { Id = 21, OrganizationId = 2, Role = ParticipantRole.Lead, Currency = "EUR", CommitmentLow = 600_000_000, CommitmentHigh = 600_000_000, CommitmentQualifier = AmountQualifier.Exact },
                new ParticipantForm { OrganizationId = null, Role = ParticipantRole.CoInvestor },
            ],
            Citations = [new CitationForm { Id = 31, SourceId = 5, Quote = "SoftBank plans to invest $15-25 billion" }],
        };
        var names = new DealFormNames(
            new Dictionary<int, OrganizationOption> { [2] = new(2, "SoftBank Group", "softbank-group", ["SoftBank"], 3), [12] = new(12, "WeWork", "wework", []) },
            new Dictionary<int, EntityOption> { [5] = new(5, "Reuters, 21 January 2025", "reuters.com") },
            new Dictionary<int, EntityOption> { [3] = new(3, "Stargate", null), [9] = new(9, "SoftBank and OpenAI", "2025") });
        var state = new DealEditorState(6, form, names);

        var json = JsonSerializer.Serialize(state, Web);
        var back = JsonSerializer.Deserialize<DealEditorState>(json, Web)!;

        Assert.Equal(json, JsonSerializer.Serialize(back, Web));
        Assert.Equal(6, back.DealId);
        Assert.Equal(DatePrecision.Quarter, back.Form.AnnouncedPrecision);
        Assert.Equal(PartialDate.Create(new DateOnly(2024, 10, 1), DatePrecision.Quarter), back.Form.Announced);
        Assert.Equal([3, 9], back.Form.PartOfIds);
        Assert.Equal(600_000_000, back.Form.Participants[0].CommitmentLow);
        Assert.Null(back.Form.Participants[1].OrganizationId);
        Assert.Equal("SoftBank plans to invest $15-25 billion", back.Form.Citations[0].Quote);
        Assert.Equal(["SoftBank"], back.Names.Organizations[2].Aliases);
        Assert.Equal("2025", back.Names.Wider[9].Detail);
    }
}
