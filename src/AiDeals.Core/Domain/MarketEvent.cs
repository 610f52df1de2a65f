namespace AiDeals.Core.Domain;

public class MarketEvent : EditableEntity
{
    public DateOnly OccurredOn { get; set; }

    public DatePrecision OccurredPrecision { get; set; }

    public required string Title { get; set; }

    public string? Description { get; set; }

    /// <summary>A signed figure in whole US dollars, e.g. -589 billion for a market-cap loss.</summary>
    public long? Amount { get; set; }

    public List<MarketEventOrganization> Organizations { get; set; } = [];

    public List<Citation> Citations { get; set; } = [];

    public PartialDate Occurred
    {
        get => PartialDate.Create(OccurredOn, OccurredPrecision);
        set => (OccurredOn, OccurredPrecision) = (value.Date, value.Precision);
    }
}

public class MarketEventOrganization
{
    public int MarketEventId { get; set; }

    public MarketEvent? MarketEvent { get; set; }

    public int OrganizationId { get; set; }

    public Organization? Organization { get; set; }
}
