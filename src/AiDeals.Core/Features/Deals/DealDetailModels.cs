using AiDeals.Core.Domain;
using AiDeals.Core.Features.Citations;
using AiDeals.Core.Features.MarketEvents;
using AiDeals.Core.Features.Valuations;

namespace AiDeals.Core.Features.Deals;

/// <summary>A link to a deal's detail page.</summary>
public sealed record DealRef(int Id, string Title);

/// <summary>A deal that is part of a wider deal.</summary>
public sealed record DealPart(int Id, string Title, DealStatus Status, AmountRange Amount);

/// <summary>An organization taking part in a deal, with its role and its own commitment (<see cref="Commitment"/> in dollars).</summary>
public sealed record ParticipantView(OrganizationRef Organization, ParticipantRole Role, AmountRange Commitment)
{
    /// <summary>The commitment as reported in its currency, and how it was converted to the dollars of <see cref="Commitment"/>.</summary>
    public ReportedAmount AsReported { get; init; } = ReportedAmount.InDollars(Commitment);

    /// <summary>The view of a stored participant: its dollars and what was reported.</summary>
    public static ParticipantView Of(OrganizationRef organization, Domain.DealParticipant participant)
    {
        ArgumentNullException.ThrowIfNull(participant);
        return new ParticipantView(organization, participant.Role, participant.Commitment)
        {
            AsReported = ReportedAmount.Of(participant.Currency, participant.ReportedLow, participant.ReportedHigh, participant.ReportedQualifier,
                participant.Commitment, participant.RateOn),
        };
    }
}

/// <summary>A record whose audit entries make up part of a deal's history, with a name for people.</summary>
public sealed record AuditedRecord(string EntityType, int Id, string Label);

/// <summary>Everything the deal page shows about one deal.</summary>
public sealed record DealDetail(
    int Id,
    string Title,
    DealKind Kind,
    DealStatus Status,
    AmountRange Amount,
    PartialDate? Announced,
    PartialDate? Closed,
    OrganizationRef? Target,
    IReadOnlyList<DealRef> PartOf,
    IReadOnlyList<DealPart> Parts,
    IReadOnlyList<ParticipantView> Participants,
    string? Notes,
    string? OutcomeNote,
    IReadOnlyList<CitationView> Citations,
    IReadOnlyList<ValuationSummary> Valuations,
    IReadOnlyList<MarketEventSummary> MarketEvents,
    IReadOnlyList<AuditedRecord> AuditedRecords)
{
    public bool IsUmbrella => Parts.Count > 0;

    /// <summary>For a deal with parts: how totals count it with everything under it; null for a deal without parts.</summary>
    public CountedWithParts? Counted { get; init; }

    /// <summary>The version the page was read at: a delete from the page conflicts when someone saved since.</summary>
    public int Version { get; init; }

    /// <summary>The amount as reported in its currency, and how it was converted to the dollars of <see cref="Amount"/>.</summary>
    public ReportedAmount AsReported
    {
        get => field ?? ReportedAmount.InDollars(Amount);
        init;
    }
}

/// <summary>A deal that was deleted: what its page says instead of the deal, and the records whose history it shows.</summary>
public sealed record DeletedDeal(int Id, string Title, DateTime DeletedAtUtc, string? DeletedBy, IReadOnlyList<AuditedRecord> AuditedRecords);

/// <summary>
/// A wider deal as totals count it: <see cref="Total"/> the union of it and every deal under it (each once), of which
/// <see cref="UnattributedLow"/>–<see cref="UnattributedHigh"/> is what its own figure says beyond its parts.
/// </summary>
public sealed record CountedWithParts(UnionTotal Total, long UnattributedLow, long UnattributedHigh);
