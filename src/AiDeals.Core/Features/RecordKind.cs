namespace AiDeals.Core.Features;

/// <summary>The kinds of record a change belongs to, as the history and the dashboard's feed link them; <see cref="Other"/> has no page of its own.</summary>
public enum RecordKind
{
    Deal,
    Organization,
    Valuation,
    MarketEvent,
    Source,
    Other,
}
