using AiDeals.Core.Domain;

namespace AiDeals.Core.Features.MarketEvents;

public enum MarketEventSortField
{
    Occurred,
    Title,
    Amount,
}

/// <summary>How the event list is sorted; the latest first unless asked otherwise.</summary>
public sealed record MarketEventQuery(MarketEventSortField Sort = MarketEventSortField.Occurred, bool Descending = true);

/// <summary>A market event with the organizations it involves and its signed amount (a loss is negative).</summary>
public sealed record MarketEventSummary(
    int Id,
    PartialDate Occurred,
    string Title,
    string? Description,
    long? Amount,
    IReadOnlyList<OrganizationRef> Organizations);
