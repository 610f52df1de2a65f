namespace AiDeals.Core.Data.Aggregates;

/// <summary>
/// What one organization takes part in, kept by the database's triggers (<see cref="AggregateSql"/>):
/// <see cref="Deals"/> its live participations in live deals, and over leaf deals only (live deals with no live
/// part) how many and the commitments summed low and high, so an umbrella and its parts are never both counted.
/// </summary>
public sealed class OrganizationTotal
{
    public int OrganizationId { get; set; }

    public int Deals { get; set; }

    public int LeafDeals { get; set; }

    public double LeafLow { get; set; }

    public double LeafHigh { get; set; }
}
