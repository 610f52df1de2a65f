namespace AiDeals.Core.Data.Configurations;

/// <summary>
/// The deal list's sort keys that live in other tables or are computed, kept on the deal's own row so that an index
/// serves each sort, and the investors the list shows, kept there so that a page reads them with its rows. Shadow
/// columns: the domain never reads them, only the list's SQL does.
/// </summary>
/// <remarks>
/// <see cref="Target"/>, <see cref="Investor"/> and <see cref="Investors"/> are written by the database's own triggers
/// (see the DealListKeys and DealListInvestors migrations) in the transaction of whatever write changes them: a deal's
/// target or participants, an organization's name or slug, its deletion or restoration, a merge. The synthetic
/// generator, which sets the triggers aside while it writes, computes them itself. Empty when there is none, which
/// sorts where NULL did: first ascending, last descending.
/// </remarks>
public static class DealListKeys
{
    /// <summary>The name of the deal's target while the target is not deleted; the list shows no target otherwise.</summary>
    public const string Target = "SortTarget";

    /// <summary>The name of the first investor the list shows: the lead first, then by role, then by name.</summary>
    public const string Investor = "SortInvestor";

    /// <summary>
    /// The investors the list shows, in its order (the lead first, then by role, name and slug): each one's name, then
    /// <see cref="NameEnd"/>, then its slug, the investors joined by <see cref="InvestorEnd"/>. A page of 100 deals read
    /// them by a second query, which cost a third of the page's time (189 participations and their organizations).
    /// </summary>
    public const string Investors = "ListInvestors";

    /// <summary>Ends an investor's name in <see cref="Investors"/> (U+001F, the unit separator).</summary>
    public const char NameEnd = '\u001F';

    /// <summary>Ends an investor in <see cref="Investors"/> but the last (U+001E, the record separator).</summary>
    public const char InvestorEnd = '\u001E';

    /// <summary>The status's place in a deal's life (rumored 0 … abandoned 4): a virtual column computed from Status.</summary>
    public const string StatusRank = "StatusRank";

    /// <summary>How the names of the triggers that keep <see cref="Target"/> and <see cref="Investor"/> end.</summary>
    public const string TriggerSuffix = "_ListKeys";

    internal const string StatusRankSql =
        "CASE \"Status\" WHEN 'Rumored' THEN 0 WHEN 'InTalks' THEN 1 WHEN 'Announced' THEN 2 WHEN 'Completed' THEN 3 ELSE 4 END";

    /// <summary>
    /// The keys and the investors written again for the deals whose condition on d holds, as the triggers write them
    /// (the same expressions; a batch that set the triggers aside calls this for the deals it wrote).
    /// </summary>
    internal static string RefreshWhere(string condition, bool postgreSql) =>
        $"UPDATE \"Deals\" SET \"{Target}\" = {TargetName("\"Deals\".\"TargetId\"")}, \"{Investor}\" = {FirstInvestor("\"Deals\".\"Id\"")}, "
        + $"\"{Investors}\" = {InvestorList("\"Deals\".\"Id\"", postgreSql)} "
        + $"WHERE \"Id\" IN (SELECT d.\"Id\" FROM \"Deals\" AS d WHERE {condition});";

    // The target's name while it is not deleted, as the list shows it.
    internal static string TargetName(string targetId) =>
        $"COALESCE((SELECT o.\"Name\" FROM \"Organizations\" AS o WHERE o.\"Id\" = {targetId} AND o.\"DeletedAt\" IS NULL), '')";

    // The first investor as the list shows them: live participations of live organizations, the lead first, then by name.
    internal static string FirstInvestor(string dealId) =>
        "COALESCE((SELECT o.\"Name\" FROM \"DealParticipants\" AS p INNER JOIN \"Organizations\" AS o ON o.\"Id\" = p.\"OrganizationId\" "
        + $"WHERE p.\"DealId\" = {dealId} AND p.\"DeletedAt\" IS NULL AND o.\"DeletedAt\" IS NULL "
        + "ORDER BY CASE p.\"Role\" WHEN 'Lead' THEN 0 WHEN 'CoInvestor' THEN 1 WHEN 'Backer' THEN 2 ELSE 3 END, o.\"Name\" LIMIT 1), '')";

    // Every investor as the list shows them, in its order, as one text (see Investors). A name cannot hold the
    // separators (the forms refuse control characters); one written before that rule would show a space for them.
    // SQLite concatenates the rows of an ordered subquery in its order: an aggregate's own ORDER BY would need SQLite
    // 3.44, and a schema that holds it cannot be opened by an older sqlite3 (Debian 12's is 3.40).
    internal static string InvestorList(string dealId, bool postgreSql)
    {
        const string Order = "CASE p.\"Role\" WHEN 'Lead' THEN 0 WHEN 'CoInvestor' THEN 1 WHEN 'Backer' THEN 2 ELSE 3 END, o.\"Name\", o.\"Slug\"";
        var character = postgreSql ? "chr" : "char";
        var shown = $"replace(replace(o.\"Name\", {character}(30), ' '), {character}(31), ' ') || {character}(31) || o.\"Slug\"";
        var from = "FROM \"DealParticipants\" AS p INNER JOIN \"Organizations\" AS o ON o.\"Id\" = p.\"OrganizationId\" "
            + $"WHERE p.\"DealId\" = {dealId} AND p.\"DeletedAt\" IS NULL AND o.\"DeletedAt\" IS NULL";
        return postgreSql
            ? $"COALESCE((SELECT string_agg({shown}, chr(30) ORDER BY {Order}) {from}), '')"
            : $"COALESCE((SELECT group_concat(s.\"Shown\", char(30)) FROM (SELECT {shown} AS \"Shown\" {from} ORDER BY {Order}) AS s), '')";
    }
}
