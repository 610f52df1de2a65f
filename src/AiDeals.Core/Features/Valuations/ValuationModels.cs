using AiDeals.Core.Domain;
using AiDeals.Core.Features.Deals;

namespace AiDeals.Core.Features.Valuations;

public enum ValuationSortField
{
    AsOf,
    Organization,
    Amount,
    Kind,
}

/// <summary>How the valuation list is sorted; the newest first unless asked otherwise.</summary>
public sealed record ValuationQuery(ValuationSortField Sort = ValuationSortField.AsOf, bool Descending = true);

/// <summary>What an organization was worth at a date, and the deal the figure came from when there is one.</summary>
public sealed record ValuationSummary(
    int Id,
    OrganizationRef Organization,
    PartialDate AsOf,
    long Amount,
    ValuationKind Kind,
    DealRef? Deal);
