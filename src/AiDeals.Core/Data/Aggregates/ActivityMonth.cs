namespace AiDeals.Core.Data.Aggregates;

/// <summary>
/// Live deals announced and live market events that happened in one month ("2025-01"), counting only dates known to
/// the day or the month. Kept by the database's triggers (<see cref="AggregateSql"/>).
/// </summary>
public sealed class ActivityMonth
{
    public required string Month { get; set; }

    public int Deals { get; set; }

    public int Events { get; set; }
}
