namespace AiDeals.Core.Data.Aggregates;

/// <summary>
/// What one organization takes part in, kept by the database's triggers (<see cref="AggregateSql"/>): its live
/// participations in live deals and their whole commitments summed low and high. The "Leaf" columns keep the names they
/// had when only deals without parts were summed here (the first migrations create them by these names); the kept rests
/// of the union rule (<see cref="UnionRest"/>) take back out the commitments in deals that have parts and add only what
/// they say beyond those parts.
/// </summary>
public sealed class OrganizationTotal
{
    public int OrganizationId { get; set; }

    public int Deals { get; set; }

    public int LeafDeals { get; set; }

    public double LeafLow { get; set; }

    public double LeafHigh { get; set; }
}
