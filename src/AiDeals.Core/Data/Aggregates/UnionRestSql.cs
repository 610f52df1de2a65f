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
    /// <summary>The prefix of these triggers; not the aggregates' prefix, so a bulk load that sets those aside keeps noting.</summary>
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

    /// <summary>The names of the triggers, for a migration's Down.</summary>
    public static IReadOnlyList<string> TriggerNames =>
        [.. new[] { "Deal_Update", "Participant_Insert", "Participant_Update", "Participant_Delete", "Link_Insert", "Link_Update", "Link_Delete" }
            .Select(name => TriggerPrefix + name)];
}
