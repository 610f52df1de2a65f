using AiDeals.Core.Domain;
using AiDeals.Core.Features.Citations;
using AiDeals.Core.Features.Deals;
using AiDeals.Core.Features.MarketEvents;
using AiDeals.Core.Features.Valuations;

namespace AiDeals.Core.Features.Organizations;

/// <summary>
/// An organization's part in one deal. <see cref="IsCounted"/> is false for a wider deal whose parts the organization
/// also takes part in: its total counts those parts, and of this commitment only what it says beyond them.
/// </summary>
public sealed record OrganizationCommitment(
    DealRef Deal,
    OrganizationRef? Target,
    ParticipantRole Role,
    AmountRange Commitment,
    DealStatus Status,
    PartialDate? Announced,
    bool IsCounted)
{
    /// <summary>The commitment as reported in its currency, and how it was converted to the dollars of <see cref="Commitment"/>.</summary>
    public ReportedAmount AsReported { get; init; } = ReportedAmount.InDollars(Commitment);
}

/// <summary>The sum of an organization's counted commitments, low to high.</summary>
public sealed record CommittedTotal(long Low, long High, bool OpenEnded, int CountedDeals, int UndisclosedDeals)
{
    /// <summary>"$46B–$56B", "$16B", "more than $40B" when a commitment has no upper bound, "undisclosed" when no figure is known.</summary>
    public override string ToString() =>
        OpenEnded ? "more than " + AmountRange.Format(Low)
        : High == 0 ? "undisclosed"
        : Low == High ? AmountRange.Format(Low)
        : AmountRange.Format(Low) + "–" + AmountRange.Format(High);
}

/// <summary>Counted commitments announced in one year (<see cref="Year"/> null for undated deals), low to high.</summary>
public sealed record CommittedInYear(int? Year, long Low, long High);

/// <summary>A deal into the organization, with who invests.</summary>
public sealed record TargetDeal(
    DealRef Deal,
    IReadOnlyList<OrganizationRef> Investors,
    DealStatus Status,
    AmountRange Amount,
    PartialDate? Announced,
    bool IsUmbrella);

/// <summary>Everything an organization's profile shows: as investor, as target, its events and its evidence.</summary>
public sealed record OrganizationProfile(
    int Id,
    string Slug,
    string Name,
    OrganizationType Type,
    string? Country,
    string? Website,
    string? Description,
    int? FoundedYear,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<OrganizationCommitment> Commitments,
    CommittedTotal TotalCommitted,
    IReadOnlyList<CommittedInYear> CommittedByYear,
    IReadOnlyList<TargetDeal> DealsAsTarget,
    IReadOnlyList<ValuationSummary> Valuations,
    IReadOnlyList<MarketEventSummary> MarketEvents,
    IReadOnlyList<CitationView> Citations)
{
    /// <summary>The version the profile was read at, for a delete from the profile to detect a change made meanwhile.</summary>
    public int Version { get; init; }

    /// <summary>All its live deals as investor; <see cref="Commitments"/> holds the newest of them.</summary>
    public int CommitmentCount { get; init; }

    /// <summary>All the live deals into it; <see cref="DealsAsTarget"/> holds the newest of them.</summary>
    public int DealsAsTargetCount { get; init; }

    /// <summary>
    /// Its deals as investor whose commitment is left out of its dollar total: a commitment reported in another currency
    /// that no rate converted, or no commitment of its own given in a deal whose amount no rate converted.
    /// </summary>
    public int UnconvertedDeals { get; init; }
}
