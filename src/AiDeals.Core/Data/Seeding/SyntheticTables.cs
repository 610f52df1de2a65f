using Microsoft.Data.Sqlite;

namespace AiDeals.Core.Data.Seeding;

/// <summary>
/// The generator's prepared inserts, one per table, with the columns the app's schema needs; the rest take their
/// defaults (NULL: no soft delete, no description). Ids are given, not left to SQLite, so a row can name another
/// before either is read back: they continue after the largest id each table already holds.
/// </summary>
internal sealed class SyntheticTables : IDisposable
{
    public SyntheticTables(SqliteConnection connection)
    {
        Organizations = new(connection, "Organizations", "Id", "Name", "NormalizedName", "Slug", "Type", "Country", "Website", "FoundedYear", "Version");
        Aliases = new(connection, "OrganizationAliases", "Id", "OrganizationId", "Name", "NormalizedName");
        Sources = new(connection, "Sources", "Id", "Title", "Publisher", "Url", "PublishedOn", "Version");
        Deals = new(connection, "Deals",
            "Id", "Title", "Kind", "Status", "TargetId", "AmountLow", "AmountHigh", "AmountQualifier",
            "AnnouncedOn", "AnnouncedPrecision", "ClosedOn", "ClosedPrecision", "Notes", "Version", "SortTarget", "SortInvestor");
        Participants = new(connection, "DealParticipants",
            "Id", "DealId", "OrganizationId", "Role", "CommitmentLow", "CommitmentHigh", "CommitmentQualifier", "Version");
        Citations = new(connection, "Citations", "Id", "SourceId", "Quote", "DealId", "ValuationId", "MarketEventId", "Version");
        Valuations = new(connection, "Valuations", "Id", "OrganizationId", "AsOf", "AsOfPrecision", "Amount", "Kind", "DealId", "Version");
        MarketEvents = new(connection, "MarketEvents", "Id", "OccurredOn", "OccurredPrecision", "Title", "Amount", "Version");
        MarketEventOrganizations = new(connection, "MarketEventOrganizations", "MarketEventId", "OrganizationId");
        DealLinks = new(connection, "DealLinks", "PartId", "WiderId", "Version");
        AuditEntries = new(connection, "AuditEntries", "EntityType", "EntityId", "Action", "AtUtc", "User", "Reason", "Changes");
        All = [Organizations, Aliases, Sources, Deals, Participants, Citations, Valuations, MarketEvents, MarketEventOrganizations, DealLinks, AuditEntries];
        OrganizationIds = MaxId(connection, "Organizations");
        AliasIds = MaxId(connection, "OrganizationAliases");
        SourceIds = MaxId(connection, "Sources");
        DealIds = MaxId(connection, "Deals");
        ParticipantIds = MaxId(connection, "DealParticipants");
        CitationIds = MaxId(connection, "Citations");
        ValuationIds = MaxId(connection, "Valuations");
        MarketEventIds = MaxId(connection, "MarketEvents");
    }

    public BulkInsert Organizations { get; }

    public BulkInsert Aliases { get; }

    public BulkInsert Sources { get; }

    public BulkInsert Deals { get; }

    public BulkInsert Participants { get; }

    public BulkInsert Citations { get; }

    public BulkInsert Valuations { get; }

    public BulkInsert MarketEvents { get; }

    public BulkInsert MarketEventOrganizations { get; }

    public BulkInsert DealLinks { get; }

    public BulkInsert AuditEntries { get; }

    /// <summary>The largest id each table held before the run; a new row's id is this plus its number in the run.</summary>
    public int OrganizationIds { get; }

    public int AliasIds { get; }

    public int SourceIds { get; }

    public int DealIds { get; }

    public int ParticipantIds { get; }

    public int CitationIds { get; }

    public int ValuationIds { get; }

    public int MarketEventIds { get; }

    private BulkInsert[] All { get; }

    public long Rows => All.Sum(t => (long)t.Rows) - AuditEntries.Rows - DealLinks.Rows;

    public SyntheticDataCounts Counts => new(
        Organizations.Rows, Aliases.Rows, Sources.Rows, Deals.Rows, Participants.Rows, Citations.Rows, Valuations.Rows,
        MarketEvents.Rows, MarketEventOrganizations.Rows);

    public void Dispose()
    {
        foreach (var table in All)
        {
            table.Dispose();
        }
    }

    private static int MaxId(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COALESCE(MAX(\"Id\"), 0) FROM \"{table}\"";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
