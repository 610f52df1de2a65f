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

    /// <summary>How the names of the triggers that keep <see cref="Target"/> and <see cref="Investor"/> end.</summary>
    public const string TriggerSuffix = "_ListKeys";

    internal const string StatusRankSql =
        "CASE \"Status\" WHEN 'Rumored' THEN 0 WHEN 'InTalks' THEN 1 WHEN 'Announced' THEN 2 WHEN 'Completed' THEN 3 ELSE 4 END";

    /// <summary>
    /// Both keys written again for the deals whose condition on d holds, as the DealListKeys migration's triggers write
    /// them (the same expressions; a batch that set the triggers aside calls this for the deals it wrote).
    /// </summary>
    internal static string RefreshWhere(string condition) =>
        $"UPDATE \"Deals\" SET \"{Target}\" = {TargetName("\"Deals\".\"TargetId\"")}, \"{Investor}\" = {FirstInvestor("\"Deals\".\"Id\"")} "
        + $"WHERE \"Id\" IN (SELECT d.\"Id\" FROM \"Deals\" AS d WHERE {condition});";

    // The target's name while it is not deleted, as the list shows it.
    internal static string TargetName(string targetId) =>
        $"COALESCE((SELECT o.\"Name\" FROM \"Organizations\" AS o WHERE o.\"Id\" = {targetId} AND o.\"DeletedAt\" IS NULL), '')";

    // The first investor as the list shows them: live participations of live organizations, the lead first, then by name.
    internal static string FirstInvestor(string dealId) =>
        "COALESCE((SELECT o.\"Name\" FROM \"DealParticipants\" AS p INNER JOIN \"Organizations\" AS o ON o.\"Id\" = p.\"OrganizationId\" "
        + $"WHERE p.\"DealId\" = {dealId} AND p.\"DeletedAt\" IS NULL AND o.\"DeletedAt\" IS NULL "
        + "ORDER BY CASE p.\"Role\" WHEN 'Lead' THEN 0 WHEN 'CoInvestor' THEN 1 WHEN 'Backer' THEN 2 ELSE 3 END, o.\"Name\" LIMIT 1), '')";
}
