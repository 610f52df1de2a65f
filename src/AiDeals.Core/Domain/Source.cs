namespace AiDeals.Core.Domain;

/// <summary>Where figures come from: an article, a filing, a press release.</summary>
public class Source : EditableEntity
{
    public required string Title { get; set; }

    public string? Publisher { get; set; }

    public string? Url { get; set; }

    public DateOnly? PublishedOn { get; set; }

    public List<Citation> Citations { get; set; } = [];
}

/// <summary>
/// Ties one deal, valuation, organization or market event to a source, with the verbatim quote that backs it.
/// </summary>
public class Citation : EditableEntity
{
    public int SourceId { get; set; }

    public Source? Source { get; set; }

    public required string Quote { get; set; }

    public int? DealId { get; set; }

    public Deal? Deal { get; set; }

    public int? ValuationId { get; set; }

    public Valuation? Valuation { get; set; }

    public int? OrganizationId { get; set; }

    public Organization? Organization { get; set; }

    public int? MarketEventId { get; set; }

    public MarketEvent? MarketEvent { get; set; }
}
