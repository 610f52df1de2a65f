namespace AiDeals.Core.Data.Aggregates;

/// <summary>
/// <see cref="UnionRestSql"/>'s twin on PostgreSQL: the same deals noted in <see cref="UnionPending"/> by the same
/// events. PostgreSQL allows no subquery in a trigger's WHEN, so the "is it linked" test is in the function.
/// </summary>
public static class UnionRestSqlPostgreSql
{
    public const string CreateTriggers = """
        CREATE FUNCTION "Union_Note"(deal bigint) RETURNS void
        LANGUAGE plpgsql AS $$
        BEGIN
            IF deal IS NOT NULL AND (EXISTS (SELECT 1 FROM "DealLinks" AS l WHERE l."PartId" = deal AND l."DeletedAt" IS NULL)
                OR EXISTS (SELECT 1 FROM "DealLinks" AS l WHERE l."WiderId" = deal AND l."DeletedAt" IS NULL)) THEN
                INSERT INTO "UnionPending" ("DealId") VALUES (deal) ON CONFLICT DO NOTHING;
            END IF;
        END $$;

        CREATE FUNCTION "Union_Deal"() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM "Union_Note"(NEW."Id");
            RETURN NULL;
        END $$;
        CREATE TRIGGER "Union_Deal_Update" AFTER UPDATE OF "AmountLow", "AmountHigh", "AmountQualifier", "DeletedAt" ON "Deals"
            FOR EACH ROW EXECUTE FUNCTION "Union_Deal"();

        CREATE FUNCTION "Union_Participant"() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP <> 'DELETE' THEN PERFORM "Union_Note"(NEW."DealId"); END IF;
            IF TG_OP <> 'INSERT' THEN PERFORM "Union_Note"(OLD."DealId"); END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER "Union_Participant_Insert" AFTER INSERT ON "DealParticipants" FOR EACH ROW EXECUTE FUNCTION "Union_Participant"();
        CREATE TRIGGER "Union_Participant_Update" AFTER UPDATE OF "DealId", "OrganizationId", "CommitmentLow", "CommitmentHigh",
            "CommitmentQualifier", "DeletedAt" ON "DealParticipants" FOR EACH ROW EXECUTE FUNCTION "Union_Participant"();
        CREATE TRIGGER "Union_Participant_Delete" AFTER DELETE ON "DealParticipants" FOR EACH ROW EXECUTE FUNCTION "Union_Participant"();

        CREATE FUNCTION "Union_Link"() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP <> 'DELETE' THEN
                INSERT INTO "UnionPending" ("DealId") VALUES (NEW."WiderId") ON CONFLICT DO NOTHING;
            END IF;
            IF TG_OP <> 'INSERT' THEN
                INSERT INTO "UnionPending" ("DealId") VALUES (OLD."WiderId") ON CONFLICT DO NOTHING;
            END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER "Union_Link_Insert" AFTER INSERT ON "DealLinks" FOR EACH ROW EXECUTE FUNCTION "Union_Link"();
        CREATE TRIGGER "Union_Link_Update" AFTER UPDATE OF "PartId", "WiderId", "DeletedAt" ON "DealLinks" FOR EACH ROW EXECUTE FUNCTION "Union_Link"();
        CREATE TRIGGER "Union_Link_Delete" AFTER DELETE ON "DealLinks" FOR EACH ROW EXECUTE FUNCTION "Union_Link"();
        """;

    /// <summary>What <see cref="UnionRestSql.NoteBatchWhere"/> notes, in PostgreSQL's SQL (the batch's name in <c>@batch</c>).</summary>
    public static string NoteBatchWhere(string touched) => $$"""
        INSERT INTO "UnionPending" ("DealId")
            SELECT d."Id" FROM "Deals" AS d WHERE {{touched}}
                AND (EXISTS (SELECT 1 FROM "DealLinks" AS l WHERE l."PartId" = d."Id" AND l."DeletedAt" IS NULL)
                    OR EXISTS (SELECT 1 FROM "DealLinks" AS l WHERE l."WiderId" = d."Id" AND l."DeletedAt" IS NULL))
            UNION SELECT l."WiderId" FROM "AuditEntries" AS a INNER JOIN "DealLinks" AS l ON l."Id" = CAST(a."EntityId" AS integer)
            WHERE a."Batch" = @batch AND a."EntityType" = 'DealLink'
            UNION SELECT CAST(CAST(a."Changes" AS jsonb) -> 'WiderId' ->> 'old' AS integer) FROM "AuditEntries" AS a
            WHERE a."Batch" = @batch AND a."EntityType" = 'DealLink' AND CAST(a."Changes" AS jsonb) -> 'WiderId' ->> 'old' IS NOT NULL
            ON CONFLICT DO NOTHING;
        """;
}
