using System.Data.Common;

namespace AiDeals.Core.Data.Seeding;

/// <summary>
/// The generator's writers, one per table (<see cref="BulkRows.For"/>: prepared inserts on SQLite, binary COPY on
/// PostgreSQL), with the columns the app's schema needs; the rest take their defaults (NULL: no soft delete, no
/// description). Ids are given, not left to the database, so a row can name another before either is read back: they
/// continue after the largest id each table already holds.
/// </summary>
internal sealed class SyntheticTables : IDisposable
{
    public SyntheticTables(DbConnection connection)
    {
        Organizations = BulkRows.For(connection, "Organizations", "Id", "Name", "NormalizedName", "Slug", "Type", "Country", "Website", "FoundedYear", "Version");
        Aliases = BulkRows.For(connection, "OrganizationAliases", "Id", "OrganizationId", "Name", "NormalizedName");
        Sources = BulkRows.For(connection, "Sources", "Id", "Title", "Publisher", "Url", "PublishedOn", "Version");
        Deals = BulkRows.For(connection, "Deals",
            "Id", "Title", "Kind", "Status", "TargetId", "AmountLow", "AmountHigh", "AmountQualifier",
            "AnnouncedOn", "AnnouncedPrecision", "ClosedOn", "ClosedPrecision", "Notes", "Version", "SortTarget", "SortInvestor", "ListInvestors");
        Participants = BulkRows.For(connection, "DealParticipants",
            "Id", "DealId", "OrganizationId", "Role", "CommitmentLow", "CommitmentHigh", "CommitmentQualifier", "Version");
        Citations = BulkRows.For(connection, "Citations", "Id", "SourceId", "Quote", "DealId", "ValuationId", "MarketEventId", "Version");
        Valuations = BulkRows.For(connection, "Valuations", "Id", "OrganizationId", "AsOf", "AsOfPrecision", "Amount", "Kind", "DealId", "Version");
        MarketEvents = BulkRows.For(connection, "MarketEvents", "Id", "OccurredOn", "OccurredPrecision", "Title", "Amount", "Version");
        MarketEventOrganizations = BulkRows.For(connection, "MarketEventOrganizations", "MarketEventId", "OrganizationId");
        DealLinks = BulkRows.For(connection, "DealLinks", "PartId", "WiderId", "Version");
        AuditEntries = BulkRows.For(connection, "AuditEntries", "EntityType", "EntityId", "Action", "AtUtc", "User", "Reason", "Changes");
        // Parents before children: PostgreSQL checks each foreign key as the rows of a table are copied in.
        All = [Organizations, Aliases, Sources, Deals, DealLinks, Participants, Valuations, MarketEvents, MarketEventOrganizations, Citations, AuditEntries];
        OrganizationIds = MaxId(connection, "Organizations");
        AliasIds = MaxId(connection, "OrganizationAliases");
        SourceIds = MaxId(connection, "Sources");
        DealIds = MaxId(connection, "Deals");
        ParticipantIds = MaxId(connection, "DealParticipants");
        CitationIds = MaxId(connection, "Citations");
        ValuationIds = MaxId(connection, "Valuations");
        MarketEventIds = MaxId(connection, "MarketEvents");
    }

    public BulkRows Organizations { get; }

    public BulkRows Aliases { get; }

    public BulkRows Sources { get; }

    public BulkRows Deals { get; }

    public BulkRows Participants { get; }

    public BulkRows Citations { get; }

    public BulkRows Valuations { get; }

    public BulkRows MarketEvents { get; }

    public BulkRows MarketEventOrganizations { get; }

    public BulkRows DealLinks { get; }

    public BulkRows AuditEntries { get; }

    /// <summary>The largest id each table held before the run; a new row's id is this plus its number in the run.</summary>
    public int OrganizationIds { get; }

    public int AliasIds { get; }

    public int SourceIds { get; }

    public int DealIds { get; }

    public int ParticipantIds { get; }

    public int CitationIds { get; }

    public int ValuationIds { get; }

    public int MarketEventIds { get; }

    private BulkRows[] All { get; }

    public long Rows => All.Sum(t => (long)t.Rows) - AuditEntries.Rows - DealLinks.Rows;

    public SyntheticDataCounts Counts => new(
        Organizations.Rows, Aliases.Rows, Sources.Rows, Deals.Rows, Participants.Rows, Citations.Rows, Valuations.Rows,
        MarketEvents.Rows, MarketEventOrganizations.Rows);

    /// <summary>Writes every table's rows kept for the current transaction, parents first.</summary>
    public void Flush()
    {
        foreach (var table in All)
        {
            table.Flush();
        }
    }

    public void Dispose()
    {
        foreach (var table in All)
        {
            table.Dispose();
        }
    }

    private static int MaxId(DbConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COALESCE(MAX(\"Id\"), 0) FROM \"{table}\"";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
