namespace AiDeals.Core.Domain;

public class Valuation : EditableEntity
{
    public int OrganizationId { get; set; }

    public Organization? Organization { get; set; }

    public DateOnly AsOf { get; set; }

    public DatePrecision AsOfPrecision { get; set; }

    /// <summary>Whole US dollars.</summary>
    public long Amount { get; set; }

    public ValuationKind Kind { get; set; }

    public int? DealId { get; set; }

    public Deal? Deal { get; set; }

    public List<Citation> Citations { get; set; } = [];

    public PartialDate AsOfDate
    {
        get => PartialDate.Create(AsOf, AsOfPrecision);
        set => (AsOf, AsOfPrecision) = (value.Date, value.Precision);
    }
}
