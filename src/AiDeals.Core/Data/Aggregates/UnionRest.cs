using AiDeals.Core.Domain;

namespace AiDeals.Core.Data.Aggregates;

/// <summary>
/// A wider deal's figure as the union rule counts it (<see cref="Features.Deals.UnionTotals"/>), kept in the transaction
/// of every write that changes it (<see cref="Features.Deals.UnionRests"/>): its own figure and the rest of it beyond its
/// parts, for its amount (group 0) or one organization's commitment in it (group = the organization's id). Only the wider
/// deals the rule changes have a row; a total is the kept plain sum plus, over these rows, rest − own.
/// </summary>
public sealed class UnionRest
{
    public int GroupId { get; set; }

    public int WiderId { get; set; }

    public double OwnLow { get; set; }

    public double OwnHigh { get; set; }

    public double RestLow { get; set; }

    public double RestHigh { get; set; }

    public AmountQualifier Qualifier { get; set; }
}

/// <summary>
/// A deal whose wider deals' rests are to be counted again before its transaction commits: written by triggers on every
/// change to a linked deal's amount or life, its participants' commitments and its links (<see cref="UnionRestSql"/>).
/// </summary>
public sealed class UnionPending
{
    public int DealId { get; set; }
}
