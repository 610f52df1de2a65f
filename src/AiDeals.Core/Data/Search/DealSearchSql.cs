namespace AiDeals.Core.Data.Search;

/// <summary>
/// The deal list's free-text index: an SQLite FTS5 table, its rowid the deal's id, over the deal's title, its notes and
/// the names and aliases of its organizations (the target and every live participant, while the organization is live).
/// Kept by triggers in the transaction of every write, as the list's sort keys are: a deal's own text, its target, its
/// participants, an organization's rename, deletion or restoration, an alias added, changed, moved or removed (a merge
/// does all of these). Contentless: it holds the words' positions but not the text, which the deals hold already.
/// </summary>
public static class DealSearchSql
{
    /// <summary>The FTS5 table.</summary>
    public const string Table = "DealSearch";

    /// <summary>
    /// The index's vocabulary, one row per word (an fts5vocab table over <see cref="Table"/>): the free-text filter looks up
    /// the longer words a typed word starts (see <see cref="Features.Deals.DealTextSearch.MatchExpression"/>).
    /// </summary>
    public const string Terms = "DealSearchTerms";

    /// <summary>The prefix of every trigger this class creates, by which a bulk load finds them to set them aside.</summary>
    public const string TriggerPrefix = "DealSearch_";

    /// <summary>
    /// The table. unicode61 splits on anything but letters and digits and folds case and diacritics (café finds cafe);
    /// contentless_delete lets a trigger remove a deal's entry by its id alone.
    /// </summary>
    public static string CreateTable =>
        $"CREATE VIRTUAL TABLE \"{Table}\" USING fts5(Title, Notes, Names, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');";

    /// <summary>The vocabulary table (<see cref="Terms"/>). It holds nothing of its own: it reads the index's.</summary>
    public static string CreateTermsTable => $"CREATE VIRTUAL TABLE \"{Terms}\" USING fts5vocab('{Table}', 'row');";

    /// <summary>Creates the triggers (the table and the schema's tables must exist).</summary>
    public static string CreateTriggers => string.Join("\n", Triggers().Select(t => t.Sql));

    /// <summary>The triggers' names, for a migration's Down.</summary>
    public static IEnumerable<string> TriggerNames => Triggers().Select(t => t.Name);

    /// <summary>Every deal's entry written again from the tables, in one pass: after a migration and after a bulk load.</summary>
    public static string Rebuild => $"""
        INSERT INTO "{Table}" ("{Table}") VALUES ('delete-all');
        CREATE TEMP TABLE "DealSearchNames" ("OrganizationId" INTEGER PRIMARY KEY, "Names" TEXT NOT NULL);
        INSERT INTO temp."DealSearchNames"
            SELECT o."Id", o."Name" || COALESCE(' ' || (SELECT group_concat(a."Name", ' ') FROM "OrganizationAliases" AS a WHERE a."OrganizationId" = o."Id"), '')
            FROM "Organizations" AS o WHERE o."DeletedAt" IS NULL;
        INSERT INTO "{Table}" (rowid, "Title", "Notes", "Names")
            SELECT d."Id", d."Title", d."Notes", concat_ws(' ', t."Names", (SELECT group_concat(n."Names", ' ') FROM "DealParticipants" AS p
                JOIN temp."DealSearchNames" AS n ON n."OrganizationId" = p."OrganizationId" WHERE p."DealId" = d."Id" AND p."DeletedAt" IS NULL))
            FROM "Deals" AS d LEFT JOIN temp."DealSearchNames" AS t ON t."OrganizationId" = d."TargetId";
        DROP TABLE temp."DealSearchNames";
        """;

    /// <summary>
    /// <see cref="Rebuild"/> for a bulk load of a million deals. FTS5 gathers new entries in memory up to its 'hashsize'
    /// (1 MB by default) and writes a segment each time, which it merges later: over a million deals that is thousands of
    /// segments and their merges. Here the entries gather in up to 64 MB, a few dozen segments in all (measured on a million deals: a quarter less work than 1 MB, and less than 256 MB, whose flush costs more than it saves); the setting is put back
    /// to its default afterwards (which writes the last of them), so that the app's transactions keep their small one.
    /// </summary>
    internal static string RebuildInBulk => $"""
        INSERT INTO "{Table}" ("{Table}", rank) VALUES ('hashsize', 67108864);
        {Rebuild}
        INSERT INTO "{Table}" ("{Table}", rank) VALUES ('hashsize', 1048576);
        """;

    /// <summary>
    /// The entries of the deals whose condition on d holds, written again as the triggers write them (a batch that set
    /// the triggers aside calls this once for the deals it wrote, instead of a rebuild of every deal's entry).
    /// </summary>
    internal static string RefreshDealsWhere(string condition) => RefreshWhere(condition);

    private static IEnumerable<(string Name, string Sql)> Triggers()
    {
        yield return Trigger("DealInserted", "AFTER INSERT ON \"Deals\"", Index("NEW.\"Id\""));
        yield return Trigger("DealUpdated",
            "AFTER UPDATE OF \"Title\", \"Notes\", \"TargetId\" ON \"Deals\" WHEN OLD.\"Title\" IS NOT NEW.\"Title\" OR OLD.\"Notes\" IS NOT NEW.\"Notes\" OR OLD.\"TargetId\" IS NOT NEW.\"TargetId\"",
            Refresh("NEW.\"Id\""));
        yield return Trigger("DealRemoved", "AFTER DELETE ON \"Deals\"", $"DELETE FROM \"{Table}\" WHERE rowid = OLD.\"Id\";");

        yield return Trigger("ParticipantInserted", "AFTER INSERT ON \"DealParticipants\"", Refresh("NEW.\"DealId\""));
        yield return Trigger("ParticipantUpdated", "AFTER UPDATE OF \"DealId\", \"OrganizationId\", \"DeletedAt\" ON \"DealParticipants\"",
            Refresh("OLD.\"DealId\"") + "\n" + Refresh("NEW.\"DealId\" AND NEW.\"DealId\" IS NOT OLD.\"DealId\""));
        yield return Trigger("ParticipantRemoved", "AFTER DELETE ON \"DealParticipants\"", Refresh("OLD.\"DealId\""));

        // A rename, a deletion or a restoration changes the names of every deal the organization is in.
        yield return Trigger("OrganizationUpdated",
            "AFTER UPDATE OF \"Name\", \"DeletedAt\" ON \"Organizations\" WHEN OLD.\"Name\" IS NOT NEW.\"Name\" OR OLD.\"DeletedAt\" IS NOT NEW.\"DeletedAt\"",
            RefreshDealsOf("NEW.\"Id\""));

        yield return Trigger("AliasInserted", "AFTER INSERT ON \"OrganizationAliases\"", RefreshDealsOf("NEW.\"OrganizationId\""));
        yield return Trigger("AliasUpdated",
            "AFTER UPDATE OF \"Name\", \"OrganizationId\" ON \"OrganizationAliases\" WHEN OLD.\"Name\" IS NOT NEW.\"Name\" OR OLD.\"OrganizationId\" IS NOT NEW.\"OrganizationId\"",
            RefreshDealsOf("OLD.\"OrganizationId\"") + "\n" + RefreshDealsOf("NEW.\"OrganizationId\""));
        yield return Trigger("AliasRemoved", "AFTER DELETE ON \"OrganizationAliases\"", RefreshDealsOf("OLD.\"OrganizationId\""));
    }

    private static (string Name, string Sql) Trigger(string name, string on, string body) =>
        (TriggerPrefix + name, $"CREATE TRIGGER \"{TriggerPrefix}{name}\" {on}\nBEGIN\n    {body}\nEND;");

    // The deals whose condition on d holds, written again: their old entries first.
    private static string Refresh(string dealId) => RefreshWhere($"d.\"Id\" = {dealId}");

    private static string RefreshDealsOf(string organizationId) => RefreshWhere(
        $"(d.\"TargetId\" = {organizationId} OR d.\"Id\" IN (SELECT p.\"DealId\" FROM \"DealParticipants\" AS p WHERE p.\"OrganizationId\" = {organizationId}))");

    private static string RefreshWhere(string condition) =>
        $"DELETE FROM \"{Table}\" WHERE rowid IN (SELECT d.\"Id\" FROM \"Deals\" AS d WHERE {condition});\n    " + IndexWhere(condition);

    private static string Index(string dealId) => IndexWhere($"d.\"Id\" = {dealId}");

    private static string IndexWhere(string condition) =>
        $"INSERT INTO \"{Table}\" (rowid, \"Title\", \"Notes\", \"Names\") SELECT d.\"Id\", d.\"Title\", d.\"Notes\", {Names("d")} FROM \"Deals\" AS d WHERE {condition};";

    // The names and aliases of the deal's live organizations: its target and every live participant.
    private static string Names(string deal) =>
        "(SELECT group_concat(n, ' ') FROM ("
        + $"SELECT o.\"Name\" AS n FROM \"Organizations\" AS o WHERE o.\"Id\" = {deal}.\"TargetId\" AND o.\"DeletedAt\" IS NULL"
        + $" UNION ALL SELECT a.\"Name\" FROM \"OrganizationAliases\" AS a JOIN \"Organizations\" AS o ON o.\"Id\" = a.\"OrganizationId\" WHERE o.\"Id\" = {deal}.\"TargetId\" AND o.\"DeletedAt\" IS NULL"
        + " UNION ALL SELECT o.\"Name\" FROM \"DealParticipants\" AS p JOIN \"Organizations\" AS o ON o.\"Id\" = p.\"OrganizationId\""
        + $" WHERE p.\"DealId\" = {deal}.\"Id\" AND p.\"DeletedAt\" IS NULL AND o.\"DeletedAt\" IS NULL"
        + " UNION ALL SELECT a.\"Name\" FROM \"DealParticipants\" AS p JOIN \"Organizations\" AS o ON o.\"Id\" = p.\"OrganizationId\""
        + " JOIN \"OrganizationAliases\" AS a ON a.\"OrganizationId\" = o.\"Id\""
        + $" WHERE p.\"DealId\" = {deal}.\"Id\" AND p.\"DeletedAt\" IS NULL AND o.\"DeletedAt\" IS NULL))";
}
