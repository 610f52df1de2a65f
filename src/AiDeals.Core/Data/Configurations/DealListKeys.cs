namespace AiDeals.Core.Data.Configurations;

/// <summary>
/// The deal list's sort keys that live in other tables or are computed, kept on the deal's own row so that an index
/// serves each sort. Shadow columns: the domain never reads them, only the list's SQL does.
/// </summary>
/// <remarks>
/// <see cref="Target"/> and <see cref="Investor"/> are written by the database's own triggers (see the DealListKeys
/// migration) in the transaction of whatever write changes them: a deal's target or participants, an organization's
/// name, its deletion or restoration, a merge. The synthetic generator, which sets the triggers aside while it writes,
/// computes them itself. Empty when there is none, which sorts where NULL did: first ascending, last descending.
/// </remarks>
public static class DealListKeys
{
    /// <summary>The name of the deal's target while the target is not deleted; the list shows no target otherwise.</summary>
    public const string Target = "SortTarget";

    /// <summary>The name of the first investor the list shows: the lead first, then by role, then by name.</summary>
    public const string Investor = "SortInvestor";

    /// <summary>The status's place in a deal's life (rumored 0 … abandoned 4): a virtual column computed from Status.</summary>
    public const string StatusRank = "StatusRank";

    internal const string StatusRankSql =
        "CASE \"Status\" WHEN 'Rumored' THEN 0 WHEN 'InTalks' THEN 1 WHEN 'Announced' THEN 2 WHEN 'Completed' THEN 3 ELSE 4 END";
}
