namespace AiDeals.Core.Data.Aggregates;

/// <summary>
/// The SQL that keeps the dashboard's aggregates (<see cref="DashboardCount"/>, <see cref="ActivityMonth"/>,
/// <see cref="OrganizationTotal"/>) equal to what a scan of every deal would give, in the transaction of each write:
/// SQLite triggers on Deals, DealParticipants, Organizations and MarketEvents. Triggers rather than code in the save
/// because every writer then keeps them (the command runner, the deal book loader, a merge that moves participations,
/// raw SQL in a test), and each row's change is applied against the rows as they are at that moment, so a save that
/// deletes a deal and its participants in either order ends with the same totals.
/// </summary>
/// <remarks>
/// The rule kept: a live deal counts once, with its whole amount and its participants' whole commitments. Links between
/// deals ("part of") are not seen here: the kept rests (<see cref="UnionRest"/>) take a wider deal's figure back out and
/// add only what it says beyond its parts, so a link never has to ripple through these sums. Rows are never removed from these tables (deletes are soft), so there are no DELETE
/// triggers: a hard delete of a deal or an event needs <see cref="Rebuild"/> afterwards.
/// </remarks>
public static class AggregateSql
{
    /// <summary>The prefix of every trigger this class creates, by which a bulk load finds them to set them aside.</summary>
    public const string TriggerPrefix = "Aggregate_";

    /// <summary>Creates the triggers (the schema's tables must exist).</summary>
    public static string CreateTriggers => string.Join("\n", Triggers());

    /// <summary>Recomputes every aggregate from the tables: after a migration, after a bulk load, and in the tests.</summary>
    /// <remarks>
    /// Written for a million deals as much as for ten: the sums over every live deal come from one scan of the table
    /// (NOT INDEXED: with no statistics the planner would walk an index on DeletedAt and fetch each row out of order), the
    /// counts by status and kind from their indexes; an organization's deals are counted off the participants' index on
    /// the organization, in its order, with no sort, and only the participations that state a commitment are summed. A
    /// participation counts while its deal is not deleted: its deal exists (the foreign key), so "not among the deleted
    /// deals" is the same test as "its deal is live", and it reads a handful of ids instead of every deal's row.
    /// </remarks>
    public static string Rebuild => $"""
        DELETE FROM DashboardCounts;
        DELETE FROM ActivityMonths;
        DELETE FROM OrganizationTotals;
        INSERT INTO DashboardCounts (Key, Count, Low, High) VALUES
            ('deals', 0, 0, 0), ('amounts', 0, 0, 0), ('amounts:AtLeast', 0, 0, 0), ('amounts:Undisclosed', 0, 0, 0),
            ('events', 0, 0, 0), ('investors', 0, 0, 0);
        UPDATE DashboardCounts SET
            Count = CASE DashboardCounts.Key WHEN 'amounts:AtLeast' THEN a.AtLeast WHEN 'amounts:Undisclosed' THEN a.Undisclosed ELSE a.Deals END,
            Low = CASE DashboardCounts.Key WHEN 'amounts' THEN a.Low ELSE 0 END,
            High = CASE DashboardCounts.Key WHEN 'amounts' THEN a.High ELSE 0 END
            FROM (SELECT COUNT(*) AS Deals, TOTAL(COALESCE(AmountLow, 0)) AS Low, TOTAL(COALESCE(AmountHigh, AmountLow, 0)) AS High,
                    COUNT(CASE WHEN AmountQualifier = 'AtLeast' THEN 1 END) AS AtLeast,
                    COUNT(CASE WHEN AmountQualifier = 'Undisclosed' THEN 1 END) AS Undisclosed
                FROM Deals NOT INDEXED WHERE DeletedAt IS NULL) AS a
            WHERE DashboardCounts.Key IN ('deals', 'amounts', 'amounts:AtLeast', 'amounts:Undisclosed');
        INSERT INTO DashboardCounts (Key, Count, Low, High)
            SELECT 'status:' || Status, COUNT(*), 0, 0 FROM Deals WHERE DeletedAt IS NULL GROUP BY Status;
        INSERT INTO DashboardCounts (Key, Count, Low, High)
            SELECT 'kind:' || Kind, COUNT(*), 0, 0 FROM Deals WHERE DeletedAt IS NULL GROUP BY Kind;
        INSERT INTO ActivityMonths (Month, Deals, Events)
            SELECT substr(AnnouncedOn, 1, 7), COUNT(*), 0 FROM Deals AS d NOT INDEXED WHERE DeletedAt IS NULL AND {HasMonth("d", "AnnouncedOn", "AnnouncedPrecision")}
            GROUP BY substr(AnnouncedOn, 1, 7);
        INSERT INTO ActivityMonths (Month, Deals, Events)
            SELECT substr(OccurredOn, 1, 7), 0, COUNT(*) FROM MarketEvents e WHERE DeletedAt IS NULL AND {HasMonth("e", "OccurredOn", "OccurredPrecision")}
            GROUP BY substr(OccurredOn, 1, 7)
            ON CONFLICT (Month) DO UPDATE SET Events = excluded.Events;
        UPDATE DashboardCounts SET Count = (SELECT COUNT(*) FROM MarketEvents WHERE DeletedAt IS NULL) WHERE Key = 'events';
        INSERT INTO OrganizationTotals (OrganizationId, Deals, LeafDeals, LeafLow, LeafHigh)
            SELECT o.Id, COALESCE(n.Deals, 0), COALESCE(n.Deals, 0), COALESCE(c.LeafLow, 0), COALESCE(c.LeafHigh, 0)
            FROM Organizations o
            LEFT JOIN (
                SELECT p.OrganizationId, COUNT(*) AS Deals FROM DealParticipants p
                WHERE p.DeletedAt IS NULL AND p.DealId NOT IN (SELECT d.Id FROM Deals d WHERE d.DeletedAt IS NOT NULL)
                GROUP BY p.OrganizationId) n ON n.OrganizationId = o.Id
            LEFT JOIN (
                SELECT p.OrganizationId, TOTAL(COALESCE(p.CommitmentLow, 0)) AS LeafLow, TOTAL(COALESCE(p.CommitmentHigh, p.CommitmentLow, 0)) AS LeafHigh
                FROM DealParticipants p NOT INDEXED
                WHERE p.DeletedAt IS NULL AND (p.CommitmentLow IS NOT NULL OR p.CommitmentHigh IS NOT NULL)
                    AND p.DealId NOT IN (SELECT d.Id FROM Deals d WHERE d.DeletedAt IS NOT NULL)
                GROUP BY p.OrganizationId) c ON c.OrganizationId = o.Id;
        UPDATE DashboardCounts SET Count = (
            SELECT COUNT(*) FROM OrganizationTotals t JOIN Organizations o ON o.Id = t.OrganizationId
            WHERE t.Deals > 0 AND o.DeletedAt IS NULL) WHERE Key = 'investors';
        """;

    private static IEnumerable<string> Triggers()
    {
        const string Live = "NEW.DeletedAt IS NULL";
        const string WasLive = "OLD.DeletedAt IS NULL";
        var newRow = Row("NEW");
        var oldRow = Row("OLD");

        yield return Trigger("DealInserted", "AFTER INSERT ON Deals", Live,
            DealCounts(newRow, "1"),
            AmountCounts(newRow, "1"),
            LiveParticipations("NEW.Id", "1"));
        yield return Trigger(
            "DealUpdated",
            "AFTER UPDATE OF Status, Kind, AmountLow, AmountHigh, AmountQualifier, AnnouncedOn, AnnouncedPrecision, DeletedAt ON Deals",
            null,
            DealCounts(oldRow, $"(-({WasLive}))"),
            DealCounts(newRow, $"({Live})"),
            AmountCounts(oldRow, $"(-({WasLive}))"),
            AmountCounts(newRow, $"({Live})"),
            LiveParticipations("NEW.Id", $"(({Live}) - ({WasLive}))"));

        yield return Trigger("ParticipantInserted", "AFTER INSERT ON DealParticipants", Live, Participation("NEW", "1"));
        yield return Trigger(
            "ParticipantUpdated",
            "AFTER UPDATE OF DealId, OrganizationId, CommitmentLow, CommitmentHigh, DeletedAt ON DealParticipants",
            null,
            Participation("OLD", $"(-({WasLive}))"),
            Participation("NEW", $"({Live})"));

        yield return Trigger("OrganizationInserted", "AFTER INSERT ON Organizations", null,
            "INSERT OR IGNORE INTO OrganizationTotals (OrganizationId, Deals, LeafDeals, LeafLow, LeafHigh) VALUES (NEW.Id, 0, 0, 0, 0);");
        yield return Trigger(
            "OrganizationDeletedOrRestored",
            "AFTER UPDATE OF DeletedAt ON Organizations",
            $"({Live}) <> ({WasLive})",
            $"UPDATE DashboardCounts SET Count = Count + (CASE WHEN {Live} THEN 1 ELSE -1 END) WHERE Key = 'investors' "
                + "AND EXISTS (SELECT 1 FROM OrganizationTotals WHERE OrganizationId = NEW.Id AND Deals > 0);");
        yield return Trigger(
            "InvestorCounted",
            "AFTER UPDATE OF Deals ON OrganizationTotals",
            "(NEW.Deals > 0) <> (OLD.Deals > 0)",
            "UPDATE DashboardCounts SET Count = Count + (CASE WHEN NEW.Deals > 0 THEN 1 ELSE -1 END) WHERE Key = 'investors' "
                + "AND EXISTS (SELECT 1 FROM Organizations WHERE Id = NEW.OrganizationId AND DeletedAt IS NULL);");

        yield return Trigger("EventInserted", "AFTER INSERT ON MarketEvents", Live, EventCounts("NEW", "1"));
        yield return Trigger("EventUpdated", "AFTER UPDATE OF OccurredOn, OccurredPrecision, DeletedAt ON MarketEvents", null,
            EventCounts("OLD", $"(-({WasLive}))"),
            EventCounts("NEW", $"({Live})"));
    }

    private static string Trigger(string name, string on, string? when, params string[] body) =>
        $"CREATE TRIGGER \"{TriggerPrefix}{name}\" {on}{(when is null ? string.Empty : " WHEN " + when)}\nBEGIN\n{string.Join("\n", body)}\nEND;";

    private static string IsLive(string id) => $"EXISTS (SELECT 1 FROM Deals WHERE Id = {id} AND DeletedAt IS NULL)";

    // A date known only to the quarter or the year has no month (the activity chart would invent a peak in January).
    private static string HasMonth(string row, string date, string precision) =>
        $"{row}.{date} IS NOT NULL AND {row}.{precision} IN ('Day', 'Month')";

    /// <summary>A deal's columns, of the trigger's NEW or OLD row.</summary>
    private static Func<string, string> Row(string row) => column => $"{row}.{column}";

    // Every live deal: the deal count, its status, its kind, its month.
    private static string DealCounts(Func<string, string> deal, string sign) => $"""
        INSERT OR IGNORE INTO DashboardCounts (Key, Count, Low, High)
            SELECT 'status:' || {deal("Status")}, 0, 0, 0 WHERE {sign} <> 0
            UNION ALL SELECT 'kind:' || {deal("Kind")}, 0, 0, 0 WHERE {sign} <> 0;
        UPDATE DashboardCounts SET Count = Count + {sign}
            WHERE {sign} <> 0 AND Key IN ('deals', 'status:' || {deal("Status")}, 'kind:' || {deal("Kind")});
        INSERT OR IGNORE INTO ActivityMonths (Month, Deals, Events)
            SELECT substr({deal("AnnouncedOn")}, 1, 7), 0, 0 WHERE {sign} <> 0 AND {deal("AnnouncedOn")} IS NOT NULL AND {deal("AnnouncedPrecision")} IN ('Day', 'Month');
        UPDATE ActivityMonths SET Deals = Deals + {sign}
            WHERE {sign} <> 0 AND {deal("AnnouncedOn")} IS NOT NULL AND {deal("AnnouncedPrecision")} IN ('Day', 'Month') AND Month = substr({deal("AnnouncedOn")}, 1, 7);
        """;

    // A live deal's amount: the capital total and its counts of open-ended and undisclosed amounts.
    private static string AmountCounts(Func<string, string> deal, string sign) => $"""
        UPDATE DashboardCounts SET Count = Count + {sign},
            Low = Low + {sign} * COALESCE({deal("AmountLow")}, 0),
            High = High + {sign} * COALESCE({deal("AmountHigh")}, {deal("AmountLow")}, 0)
            WHERE {sign} <> 0 AND Key = 'amounts';
        UPDATE DashboardCounts SET Count = Count + {sign} WHERE {sign} <> 0 AND Key = 'amounts:' || {deal("AmountQualifier")};
        """;

    // The deal's live participants take part in a live deal (or stop to), with their whole commitments.
    private static string LiveParticipations(string dealId, string sign)
    {
        string Own(string what) =>
            $"(SELECT {what} FROM DealParticipants p WHERE p.DealId = {dealId} AND p.OrganizationId = OrganizationTotals.OrganizationId AND p.DeletedAt IS NULL)";
        return $"""
            UPDATE OrganizationTotals SET
                Deals = Deals + {sign} * {Own("COUNT(*)")},
                LeafDeals = LeafDeals + {sign} * {Own("COUNT(*)")},
                LeafLow = LeafLow + {sign} * {Own("COALESCE(SUM(COALESCE(p.CommitmentLow, 0)), 0)")},
                LeafHigh = LeafHigh + {sign} * {Own("COALESCE(SUM(COALESCE(p.CommitmentHigh, p.CommitmentLow, 0)), 0)")}
                WHERE {sign} <> 0 AND OrganizationId IN (SELECT OrganizationId FROM DealParticipants WHERE DealId = {dealId} AND DeletedAt IS NULL);
            """;
    }

    // One participation, of the trigger's NEW or OLD row, against its deal as the deal is now.
    private static string Participation(string row, string sign) => $"""
        INSERT OR IGNORE INTO OrganizationTotals (OrganizationId, Deals, LeafDeals, LeafLow, LeafHigh)
            SELECT {row}.OrganizationId, 0, 0, 0, 0 WHERE {sign} <> 0;
        UPDATE OrganizationTotals SET
            Deals = Deals + {sign} * {IsLive(row + ".DealId")},
            LeafDeals = LeafDeals + {sign} * {IsLive(row + ".DealId")},
            LeafLow = LeafLow + {sign} * {IsLive(row + ".DealId")} * COALESCE({row}.CommitmentLow, 0),
            LeafHigh = LeafHigh + {sign} * {IsLive(row + ".DealId")} * COALESCE({row}.CommitmentHigh, {row}.CommitmentLow, 0)
            WHERE {sign} <> 0 AND OrganizationId = {row}.OrganizationId;
        """;

    private static string EventCounts(string row, string sign) => $"""
        UPDATE DashboardCounts SET Count = Count + {sign} WHERE {sign} <> 0 AND Key = 'events';
        INSERT OR IGNORE INTO ActivityMonths (Month, Deals, Events)
            SELECT substr({row}.OccurredOn, 1, 7), 0, 0 WHERE {sign} <> 0 AND {HasMonth(row, "OccurredOn", "OccurredPrecision")};
        UPDATE ActivityMonths SET Events = Events + {sign}
            WHERE {sign} <> 0 AND {HasMonth(row, "OccurredOn", "OccurredPrecision")} AND Month = substr({row}.OccurredOn, 1, 7);
        """;
}
