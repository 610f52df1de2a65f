namespace AiDeals.Core.Data.Aggregates;

/// <summary>
/// The triggers that note, in <see cref="UnionPending"/>, every deal whose change can move a wider deal's counted rest:
/// a linked deal's amount or deletion, a participant's commitment, organization or deletion in a linked deal, a link
/// added, removed or restored. Triggers, like <see cref="AggregateSql"/>'s, so every writer notes them (a command, a
/// batch, a merge that moves participations); <see cref="Features.Deals.UnionRests"/> counts the noted deals' wider
/// deals again before the transaction commits. A deal with no link is never noted: its changes reach no rest.
/// </summary>
public static class UnionRestSql
{
    /// <summary>The prefix of these triggers, which a bulk batch sets aside with the others (<see cref="TriggersAside"/>).</summary>
    public const string TriggerPrefix = "Union_";

    private const string Linked = """
        EXISTS (SELECT 1 FROM DealLinks l WHERE l.PartId = {0} AND l.DeletedAt IS NULL)
        OR EXISTS (SELECT 1 FROM DealLinks l WHERE l.WiderId = {0} AND l.DeletedAt IS NULL)
        """;

    public static string CreateTriggers => $"""
        CREATE TRIGGER "{TriggerPrefix}Deal_Update" AFTER UPDATE OF AmountLow, AmountHigh, AmountQualifier, DeletedAt ON Deals
        WHEN {string.Format(System.Globalization.CultureInfo.InvariantCulture, Linked, "NEW.Id")}
        BEGIN INSERT OR IGNORE INTO UnionPending (DealId) VALUES (NEW.Id); END;
        CREATE TRIGGER "{TriggerPrefix}Participant_Insert" AFTER INSERT ON DealParticipants
        WHEN {string.Format(System.Globalization.CultureInfo.InvariantCulture, Linked, "NEW.DealId")}
        BEGIN INSERT OR IGNORE INTO UnionPending (DealId) VALUES (NEW.DealId); END;
        CREATE TRIGGER "{TriggerPrefix}Participant_Update" AFTER UPDATE OF DealId, OrganizationId, CommitmentLow, CommitmentHigh, CommitmentQualifier, DeletedAt ON DealParticipants
        BEGIN
            INSERT OR IGNORE INTO UnionPending (DealId) SELECT NEW.DealId WHERE {string.Format(System.Globalization.CultureInfo.InvariantCulture, Linked, "NEW.DealId")};
            INSERT OR IGNORE INTO UnionPending (DealId) SELECT OLD.DealId WHERE {string.Format(System.Globalization.CultureInfo.InvariantCulture, Linked, "OLD.DealId")};
        END;
        CREATE TRIGGER "{TriggerPrefix}Participant_Delete" AFTER DELETE ON DealParticipants
        WHEN {string.Format(System.Globalization.CultureInfo.InvariantCulture, Linked, "OLD.DealId")}
        BEGIN INSERT OR IGNORE INTO UnionPending (DealId) VALUES (OLD.DealId); END;
        CREATE TRIGGER "{TriggerPrefix}Link_Insert" AFTER INSERT ON DealLinks
        BEGIN INSERT OR IGNORE INTO UnionPending (DealId) VALUES (NEW.WiderId); END;
        CREATE TRIGGER "{TriggerPrefix}Link_Update" AFTER UPDATE OF PartId, WiderId, DeletedAt ON DealLinks
        BEGIN INSERT OR IGNORE INTO UnionPending (DealId) VALUES (NEW.WiderId), (OLD.WiderId); END;
        CREATE TRIGGER "{TriggerPrefix}Link_Delete" AFTER DELETE ON DealLinks
        BEGIN INSERT OR IGNORE INTO UnionPending (DealId) VALUES (OLD.WiderId); END;
        """;

    /// <summary>
    /// Notes what the triggers would have noted for a batch written with them set aside: the linked deals among those the
    /// batch touched (<paramref name="touched"/>, a condition on <c>d."Id"</c>), and the wider deals, before and after,
    /// of the links it wrote (audited under <c>$batch</c>). The commit counts their rests again (<see cref="UnionRestsInterceptor"/>).
    /// </summary>
    public static string NoteBatchWhere(string touched) => $"""
        INSERT OR IGNORE INTO UnionPending (DealId)
            SELECT d."Id" FROM "Deals" AS d WHERE {touched} AND ({string.Format(System.Globalization.CultureInfo.InvariantCulture, Linked, "d.\"Id\"")})
            UNION SELECT l.WiderId FROM AuditEntries AS a INNER JOIN DealLinks AS l ON l.Id = CAST(a.EntityId AS INTEGER)
            WHERE a.Batch = $batch AND a.EntityType = 'DealLink'
            UNION SELECT json_extract(a.Changes, '$.WiderId.old') FROM AuditEntries AS a
            WHERE a.Batch = $batch AND a.EntityType = 'DealLink' AND json_extract(a.Changes, '$.WiderId.old') IS NOT NULL;
        """;

    /// <summary>The names of the triggers, for a migration's Down.</summary>
    public static IReadOnlyList<string> TriggerNames =>
        [.. new[] { "Deal_Update", "Participant_Insert", "Participant_Update", "Participant_Delete", "Link_Insert", "Link_Update", "Link_Delete" }
            .Select(name => TriggerPrefix + name)];
}
