using System.Text.RegularExpressions;
using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Deals;
using AiDeals.Core.Features.Valuations;

namespace AiDeals.Core.Data.Seeding;

/// <summary>
/// A deal book's entries as the editors' forms, checked by the same validators as the editors, so that the deal book
/// and an analyst get the same verdict; a verdict comes back at the JSON path of the entry that is wrong.
/// </summary>
/// <remarks>
/// The book links entries by key and the rows have no ids yet: a form gets stand-in ids, one per organization and
/// source, which is all the rules that need no database look at (a participant taking part twice, a missing reference).
/// </remarks>
internal static partial class DealBookForms
{
    /// <summary>The first rule of a deal that the entry breaks, as (JSON path, message); null when it keeps them all.</summary>
    public static (string At, string Problem)? CheckDeal(
        DealBookDeal deal,
        string at,
        PartialDate? announced,
        PartialDate? closed,
        IReadOnlyList<int> participantIds,
        IReadOnlyList<(int SourceId, string Quote)> citations)
    {
        var form = new DealForm
        {
            Title = deal.Title?.Trim() ?? string.Empty,
            Kind = deal.Kind,
            Status = deal.Status,
            Currency = Currencies.Normalize(deal.Amount?.Currency),
            AmountLow = deal.Amount?.Low,
            AmountHigh = deal.Amount?.High,
            AmountQualifier = deal.Amount?.Qualifier ?? AmountQualifier.Undisclosed,
            AnnouncedOn = announced?.Date,
            AnnouncedPrecision = announced?.Precision ?? DatePrecision.Day,
            ClosedOn = closed?.Date,
            ClosedPrecision = closed?.Precision ?? DatePrecision.Day,
            Notes = deal.Notes,
            OutcomeNote = deal.Outcome,
            Participants = [.. participantIds.Select((organizationId, i) => new ParticipantForm
            {
                OrganizationId = organizationId,
                Role = deal.Participants![i].Role,
                Currency = Currencies.Normalize(deal.Participants[i].Commitment?.Currency),
                CommitmentLow = deal.Participants[i].Commitment?.Low,
                CommitmentHigh = deal.Participants[i].Commitment?.High,
                CommitmentQualifier = deal.Participants[i].Commitment?.Qualifier ?? AmountQualifier.Undisclosed,
            })],
            Citations = [.. citations.Select(c => new CitationForm { SourceId = c.SourceId, Quote = c.Quote })],
        };
        var errors = new FieldErrors();
        DealValidator.Validate(form, dealId: 0, errors);
        return First(errors, at, DealPath);
    }

    /// <summary>The first rule of a valuation that the entry breaks, as (JSON path, message); null when it keeps them all.</summary>
    public static (string At, string Problem)? CheckValuation(DealBookValuation valuation, string at, int organizationId)
    {
        var form = new ValuationForm
        {
            OrganizationId = organizationId,
            AsOf = valuation.AsOf ?? string.Empty,
            Amount = valuation.Amount,
            Kind = valuation.Kind,
        };
        var errors = new FieldErrors();
        ValuationValidator.Validate(form, errors);
        return First(errors, at, field => field switch
        {
            nameof(ValuationForm.AsOf) => ".asOf",
            nameof(ValuationForm.OrganizationId) => ".organization",
            _ => "." + Camel(field),
        });
    }

    // The first rule broken, in the order the validator checks them: the fields' own rules, then those between fields.
    private static (string At, string Problem)? First(FieldErrors errors, string at, Func<string, string> pathOf)
    {
        var first = errors.ToDictionary().FirstOrDefault();
        return first.Value is null ? null : (at + pathOf(first.Key), first.Value[0]);
    }

    /// <summary>A deal form's field as the book's JSON names it: <c>Participants[1].CommitmentLow</c> → <c>.participants[1].commitment</c>.</summary>
    internal static string DealPath(string field)
    {
        if (ParticipantField().Match(field) is { Success: true } participant)
        {
            var inner = participant.Groups[2].Value;
            return $".participants[{participant.Groups[1].Value}]" + (inner.StartsWith("Commitment", StringComparison.Ordinal) ? ".commitment"
                : inner == nameof(ParticipantForm.OrganizationId) ? ".organization"
                : "." + Camel(inner));
        }

        if (CitationField().Match(field) is { Success: true } citation)
        {
            return $".citations[{citation.Groups[1].Value}]" + (citation.Groups[2].Value == nameof(CitationForm.SourceId) ? ".source" : ".quote");
        }

        return field switch
        {
            "" => string.Empty,
            nameof(DealForm.AmountLow) or nameof(DealForm.AmountHigh) or nameof(DealForm.AmountQualifier) => ".amount",
            nameof(DealForm.Currency) => ".amount.currency",
            nameof(DealForm.AnnouncedOn) or nameof(DealForm.AnnouncedPrecision) => ".announced",
            nameof(DealForm.ClosedOn) or nameof(DealForm.ClosedPrecision) => ".closed",
            nameof(DealForm.OutcomeNote) => ".outcome",
            nameof(DealForm.TargetId) => ".target",
            nameof(DealForm.PartOfIds) => ".partOf",
            nameof(DealForm.ExternalId) => ".key",
            _ => "." + Camel(field),
        };
    }

    private static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    [GeneratedRegex(@"^Participants\[(\d+)\]\.(\w+)$")]
    private static partial Regex ParticipantField();

    [GeneratedRegex(@"^Citations\[(\d+)\]\.(\w+)$")]
    private static partial Regex CitationField();
}
