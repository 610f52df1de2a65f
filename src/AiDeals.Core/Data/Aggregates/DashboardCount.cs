namespace AiDeals.Core.Data.Aggregates;

/// <summary>
/// One kept count of the dashboard, by <see cref="Key"/>: "deals", "status:InTalks", "kind:Debt", "leaves" (with the
/// leaf deals' summed amounts in <see cref="Low"/> and <see cref="High"/>), "leaves:AtLeast", "leaves:Undisclosed",
/// "events", "investors". Written only by the database's triggers (<see cref="AggregateSql"/>), read by the dashboard.
/// </summary>
public sealed class DashboardCount
{
    public required string Key { get; set; }

    public long Count { get; set; }

    /// <summary>Whole dollars; stored as an integer, which SQLite turns into a real number past the range of a long.</summary>
    public double Low { get; set; }

    public double High { get; set; }
}
