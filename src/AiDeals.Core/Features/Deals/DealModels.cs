using AiDeals.Core.Domain;

namespace AiDeals.Core.Features.Deals;

public enum DealSortField
{
    Announced,
    Title,
    Target,
    Kind,
    Status,
    Amount,
}

/// <summary>What the deal list shows; empty lists mean "any".</summary>
public sealed record DealFilter
{
    /// <summary>Slugs of organizations taking part in the deal (any of them).</summary>
    public IReadOnlyList<string> Investors { get; init; } = [];

    public IReadOnlyList<DealStatus> Statuses { get; init; } = [];

    public DealSortField Sort { get; init; } = DealSortField.Announced;

    public bool Descending { get; init; } = true;
}

/// <summary>One row of the deal list.</summary>
public sealed record DealSummary(
    int Id,
    string Title,
    OrganizationRef? Target,
    IReadOnlyList<OrganizationRef> Investors,
    DealKind Kind,
    DealStatus Status,
    AmountRange Amount,
    PartialDate? Announced,
    bool IsUmbrella);

/// <summary>An organization that takes part in at least one deal, for the investor filter.</summary>
public sealed record InvestorOption(string Slug, string Name, int DealCount);
