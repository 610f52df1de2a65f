using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Deals;
using AiDeals.Core.Features.MarketEvents;
using AiDeals.Core.Features.Organizations;
using AiDeals.Core.Features.Sources;
using AiDeals.Core.Features.Valuations;

namespace AiDeals.Core.Tests;

/// <summary>
/// Every free-text field of every form against its limit, through the validator the editors, the API and the deal book
/// use: exactly the limit passes, one more is refused under the field's name with the same words.
/// </summary>
public class TextLimitTests
{
    public static TheoryData<string, string, int> Fields => new()
    {
        { "Deal", nameof(DealForm.Title), DealLimits.Title },
        { "Deal", nameof(DealForm.Notes), DealLimits.Notes },
        { "Deal", nameof(DealForm.OutcomeNote), DealLimits.OutcomeNote },
        { "Deal", nameof(DealForm.Reason), AuditLimits.Reason },
        { "Deal", "Citations[1].Quote", CitationLimits.Quote },
        { "Organization", nameof(OrganizationForm.Name), OrganizationLimits.Name },
        { "Organization", nameof(OrganizationForm.Aliases), OrganizationLimits.Name },
        { "Organization", nameof(OrganizationForm.Website), OrganizationLimits.Website },
        { "Organization", nameof(OrganizationForm.Description), OrganizationLimits.Description },
        { "Organization", nameof(OrganizationForm.Reason), AuditLimits.Reason },
        { "Source", nameof(SourceForm.Title), SourceLimits.Title },
        { "Source", nameof(SourceForm.Publisher), SourceLimits.Publisher },
        { "Source", nameof(SourceForm.Url), SourceLimits.Url },
        { "Source", nameof(SourceForm.Reason), AuditLimits.Reason },
        { "MarketEvent", nameof(MarketEventForm.Title), MarketEventLimits.Title },
        { "MarketEvent", nameof(MarketEventForm.Description), MarketEventLimits.Description },
        { "MarketEvent", nameof(MarketEventForm.Reason), AuditLimits.Reason },
        { "Valuation", nameof(ValuationForm.Reason), AuditLimits.Reason },
    };

    [Theory]
    [MemberData(nameof(Fields))]
    public void Validate_TextOfExactlyTheLimit_IsAccepted(string form, string field, int limit)
    {
        var errors = Validate(form, field, Text(field, limit));

        Assert.Empty(errors.ToDictionary());
    }

    [Theory]
    [MemberData(nameof(Fields))]
    public void Validate_TextOfOneMoreThanTheLimit_IsRefusedOnTheField(string form, string field, int limit)
    {
        var errors = Validate(form, field, Text(field, limit + 1)).ToDictionary();

        var (key, messages) = Assert.Single(errors);
        Assert.Equal(field, key);
        Assert.EndsWith(TextLimitAttribute.Message(limit, limit + 1), Assert.Single(messages), StringComparison.Ordinal);
    }

    [Fact]
    public void Message_NamesTheLimitAndTheLengthWithThousandsSeparators()
    {
        Assert.Equal("At most 4,000 characters; this has 40,000.", TextLimitAttribute.Message(4000, 40_000));
    }

    [Fact]
    public void Validate_NonAsciiNotesOfExactlyTheLimit_AreAccepted()
    {
        var form = new DealForm { Title = "中文", Notes = new string('€', DealLimits.Notes) };
        var errors = new FieldErrors();

        DealValidator.Validate(form, dealId: 0, errors);

        Assert.False(errors.Any);
    }

    // Addresses stay addresses at any length; other text is a repeated character that is none of the rules' business.
    private static string Text(string field, int length) =>
        field is nameof(OrganizationForm.Website) or nameof(SourceForm.Url)
            ? "https://example.com/" + new string('a', length - "https://example.com/".Length)
            : new string('x', length);

    private static FieldErrors Validate(string form, string field, string text)
    {
        var errors = new FieldErrors();
        switch (form)
        {
            case "Deal":
                var deal = new DealForm
                {
                    Title = "A deal",
                    Citations = [new CitationForm { SourceId = 1, Quote = "said" }, new CitationForm { SourceId = 1, Quote = "said" }],
                };
                Set(deal, field, text);
                if (field == "Citations[1].Quote")
                {
                    deal.Citations[1].Quote = text;
                }

                DealValidator.Validate(deal, dealId: 0, errors);
                break;
            case "Organization":
                var organization = new OrganizationForm { Name = "An organization" };
                if (field == nameof(OrganizationForm.Aliases))
                {
                    organization.Aliases = ["Short", text];
                }
                else
                {
                    Set(organization, field, text);
                }

                OrganizationValidator.Validate(organization, errors);
                break;
            case "Source":
                var source = new SourceForm { Title = "A source" };
                Set(source, field, text);
                SourceValidator.Validate(source, errors);
                break;
            case "MarketEvent":
                var marketEvent = new MarketEventForm { Title = "An event", Occurred = "2025-01" };
                Set(marketEvent, field, text);
                MarketEventValidator.Validate(marketEvent, errors);
                break;
            default:
                var valuation = new ValuationForm { OrganizationId = 1, AsOf = "2025-01", Amount = 1_000 };
                Set(valuation, field, text);
                ValuationValidator.Validate(valuation, errors);
                break;
        }

        return errors;
    }

    private static void Set(object form, string field, string text) =>
        form.GetType().GetProperty(field)?.SetValue(form, text);
}
