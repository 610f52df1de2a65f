namespace AiDeals.Core.Data.Aggregates;

/// <summary>
/// <see cref="AggregateSql"/>'s twin on PostgreSQL: the same aggregates, kept by the same rule in the transaction of each
/// write, by row triggers whose PL/pgSQL functions apply a row's change with a sign (+1 as it counts now, −1 as it
/// counted before), as the SQLite triggers' bodies do.
/// </summary>
public static class AggregateSqlPostgreSql
{
    /// <summary>The functions and their triggers (the schema's tables must exist).</summary>
    public const string CreateTriggers = """
        CREATE FUNCTION "Aggregate_DealCounts"(status text, kind text, announced date, announced_precision text, sign int) RETURNS void
        LANGUAGE plpgsql AS $$
        BEGIN
            IF sign = 0 THEN RETURN; END IF;
            INSERT INTO "DashboardCounts" ("Key", "Count", "Low", "High")
                VALUES ('status:' || status, 0, 0, 0), ('kind:' || kind, 0, 0, 0) ON CONFLICT DO NOTHING;
            UPDATE "DashboardCounts" SET "Count" = "Count" + sign WHERE "Key" IN ('deals', 'status:' || status, 'kind:' || kind);
            IF announced IS NOT NULL AND announced_precision IN ('Day', 'Month') THEN
                INSERT INTO "ActivityMonths" ("Month", "Deals", "Events") VALUES (to_char(announced, 'YYYY-MM'), 0, 0) ON CONFLICT DO NOTHING;
                UPDATE "ActivityMonths" SET "Deals" = "Deals" + sign WHERE "Month" = to_char(announced, 'YYYY-MM');
            END IF;
        END $$;

        CREATE FUNCTION "Aggregate_AmountCounts"(low bigint, high bigint, qualifier text, sign int) RETURNS void
        LANGUAGE plpgsql AS $$
        BEGIN
            IF sign = 0 THEN RETURN; END IF;
            UPDATE "DashboardCounts" SET "Count" = "Count" + sign,
                "Low" = "Low" + sign * COALESCE(low, 0)::float8, "High" = "High" + sign * COALESCE(high, low, 0)::float8
                WHERE "Key" = 'amounts';
            UPDATE "DashboardCounts" SET "Count" = "Count" + sign WHERE "Key" = 'amounts:' || qualifier;
        END $$;

        CREATE FUNCTION "Aggregate_LiveParticipations"(deal bigint, sign int) RETURNS void
        LANGUAGE plpgsql AS $$
        BEGIN
            IF sign = 0 THEN RETURN; END IF;
            UPDATE "OrganizationTotals" AS t SET
                "Deals" = t."Deals" + sign * g.n, "LeafDeals" = t."LeafDeals" + sign * g.n,
                "LeafLow" = t."LeafLow" + sign * g.low, "LeafHigh" = t."LeafHigh" + sign * g.high
                FROM (SELECT p."OrganizationId", COUNT(*)::int AS n, SUM(COALESCE(p."CommitmentLow", 0))::float8 AS low,
                        SUM(COALESCE(p."CommitmentHigh", p."CommitmentLow", 0))::float8 AS high
                    FROM "DealParticipants" AS p WHERE p."DealId" = deal AND p."DeletedAt" IS NULL GROUP BY p."OrganizationId") AS g
                WHERE t."OrganizationId" = g."OrganizationId";
        END $$;

        CREATE FUNCTION "Aggregate_Participation"(organization bigint, deal bigint, low bigint, high bigint, sign int) RETURNS void
        LANGUAGE plpgsql AS $$
        DECLARE live int;
        BEGIN
            IF sign = 0 THEN RETURN; END IF;
            live := CASE WHEN EXISTS (SELECT 1 FROM "Deals" WHERE "Id" = deal AND "DeletedAt" IS NULL) THEN 1 ELSE 0 END;
            INSERT INTO "OrganizationTotals" ("OrganizationId", "Deals", "LeafDeals", "LeafLow", "LeafHigh")
                VALUES (organization, 0, 0, 0, 0) ON CONFLICT DO NOTHING;
            UPDATE "OrganizationTotals" SET "Deals" = "Deals" + sign * live, "LeafDeals" = "LeafDeals" + sign * live,
                "LeafLow" = "LeafLow" + sign * live * COALESCE(low, 0)::float8,
                "LeafHigh" = "LeafHigh" + sign * live * COALESCE(high, low, 0)::float8
                WHERE "OrganizationId" = organization;
        END $$;

        CREATE FUNCTION "Aggregate_EventCounts"(occurred date, occurred_precision text, sign int) RETURNS void
        LANGUAGE plpgsql AS $$
        BEGIN
            IF sign = 0 THEN RETURN; END IF;
            UPDATE "DashboardCounts" SET "Count" = "Count" + sign WHERE "Key" = 'events';
            IF occurred IS NOT NULL AND occurred_precision IN ('Day', 'Month') THEN
                INSERT INTO "ActivityMonths" ("Month", "Deals", "Events") VALUES (to_char(occurred, 'YYYY-MM'), 0, 0) ON CONFLICT DO NOTHING;
                UPDATE "ActivityMonths" SET "Events" = "Events" + sign WHERE "Month" = to_char(occurred, 'YYYY-MM');
            END IF;
        END $$;

        CREATE FUNCTION "Aggregate_Deal"() RETURNS trigger
        LANGUAGE plpgsql AS $$
        DECLARE was int := 0; live int := CASE WHEN NEW."DeletedAt" IS NULL THEN 1 ELSE 0 END;
        BEGIN
            IF TG_OP = 'UPDATE' THEN
                IF OLD."DeletedAt" IS NULL THEN was := 1; END IF;
                PERFORM "Aggregate_DealCounts"(OLD."Status", OLD."Kind", OLD."AnnouncedOn", OLD."AnnouncedPrecision", -was);
                PERFORM "Aggregate_AmountCounts"(OLD."AmountLow", OLD."AmountHigh", OLD."AmountQualifier", -was);
            END IF;
            PERFORM "Aggregate_DealCounts"(NEW."Status", NEW."Kind", NEW."AnnouncedOn", NEW."AnnouncedPrecision", live);
            PERFORM "Aggregate_AmountCounts"(NEW."AmountLow", NEW."AmountHigh", NEW."AmountQualifier", live);
            PERFORM "Aggregate_LiveParticipations"(NEW."Id", live - was);
            RETURN NULL;
        END $$;
        CREATE TRIGGER "Aggregate_DealInserted" AFTER INSERT ON "Deals" FOR EACH ROW EXECUTE FUNCTION "Aggregate_Deal"();
        CREATE TRIGGER "Aggregate_DealUpdated" AFTER UPDATE OF "Status", "Kind", "AmountLow", "AmountHigh", "AmountQualifier",
            "AnnouncedOn", "AnnouncedPrecision", "DeletedAt" ON "Deals" FOR EACH ROW EXECUTE FUNCTION "Aggregate_Deal"();

        CREATE FUNCTION "Aggregate_Participant"() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'UPDATE' AND OLD."DeletedAt" IS NULL THEN
                PERFORM "Aggregate_Participation"(OLD."OrganizationId", OLD."DealId", OLD."CommitmentLow", OLD."CommitmentHigh", -1);
            END IF;
            IF NEW."DeletedAt" IS NULL THEN
                PERFORM "Aggregate_Participation"(NEW."OrganizationId", NEW."DealId", NEW."CommitmentLow", NEW."CommitmentHigh", 1);
            END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER "Aggregate_ParticipantInserted" AFTER INSERT ON "DealParticipants" FOR EACH ROW EXECUTE FUNCTION "Aggregate_Participant"();
        CREATE TRIGGER "Aggregate_ParticipantUpdated" AFTER UPDATE OF "DealId", "OrganizationId", "CommitmentLow", "CommitmentHigh", "DeletedAt"
            ON "DealParticipants" FOR EACH ROW EXECUTE FUNCTION "Aggregate_Participant"();

        CREATE FUNCTION "Aggregate_Organization"() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'INSERT' THEN
                INSERT INTO "OrganizationTotals" ("OrganizationId", "Deals", "LeafDeals", "LeafLow", "LeafHigh")
                    VALUES (NEW."Id", 0, 0, 0, 0) ON CONFLICT DO NOTHING;
            ELSE
                UPDATE "DashboardCounts" SET "Count" = "Count" + (CASE WHEN NEW."DeletedAt" IS NULL THEN 1 ELSE -1 END) WHERE "Key" = 'investors'
                    AND EXISTS (SELECT 1 FROM "OrganizationTotals" WHERE "OrganizationId" = NEW."Id" AND "Deals" > 0);
            END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER "Aggregate_OrganizationInserted" AFTER INSERT ON "Organizations" FOR EACH ROW EXECUTE FUNCTION "Aggregate_Organization"();
        CREATE TRIGGER "Aggregate_OrganizationDeletedOrRestored" AFTER UPDATE OF "DeletedAt" ON "Organizations" FOR EACH ROW
            WHEN ((NEW."DeletedAt" IS NULL) <> (OLD."DeletedAt" IS NULL)) EXECUTE FUNCTION "Aggregate_Organization"();

        CREATE FUNCTION "Aggregate_Investor"() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE "DashboardCounts" SET "Count" = "Count" + (CASE WHEN NEW."Deals" > 0 THEN 1 ELSE -1 END) WHERE "Key" = 'investors'
                AND EXISTS (SELECT 1 FROM "Organizations" WHERE "Id" = NEW."OrganizationId" AND "DeletedAt" IS NULL);
            RETURN NULL;
        END $$;
        CREATE TRIGGER "Aggregate_InvestorCounted" AFTER UPDATE OF "Deals" ON "OrganizationTotals" FOR EACH ROW
            WHEN ((NEW."Deals" > 0) <> (OLD."Deals" > 0)) EXECUTE FUNCTION "Aggregate_Investor"();

        CREATE FUNCTION "Aggregate_Event"() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'UPDATE' AND OLD."DeletedAt" IS NULL THEN
                PERFORM "Aggregate_EventCounts"(OLD."OccurredOn", OLD."OccurredPrecision", -1);
            END IF;
            IF NEW."DeletedAt" IS NULL THEN
                PERFORM "Aggregate_EventCounts"(NEW."OccurredOn", NEW."OccurredPrecision", 1);
            END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER "Aggregate_EventInserted" AFTER INSERT ON "MarketEvents" FOR EACH ROW EXECUTE FUNCTION "Aggregate_Event"();
        CREATE TRIGGER "Aggregate_EventUpdated" AFTER UPDATE OF "OccurredOn", "OccurredPrecision", "DeletedAt" ON "MarketEvents"
            FOR EACH ROW EXECUTE FUNCTION "Aggregate_Event"();
        """;

    /// <summary>Recomputes every aggregate from the tables, as <see cref="AggregateSql.Rebuild"/> does on SQLite.</summary>
    public const string Rebuild = """
        DELETE FROM "DashboardCounts";
        DELETE FROM "ActivityMonths";
        DELETE FROM "OrganizationTotals";
        INSERT INTO "DashboardCounts" ("Key", "Count", "Low", "High") VALUES
            ('deals', 0, 0, 0), ('amounts', 0, 0, 0), ('amounts:AtLeast', 0, 0, 0), ('amounts:Undisclosed', 0, 0, 0),
            ('events', 0, 0, 0), ('investors', 0, 0, 0);
        UPDATE "DashboardCounts" SET "Count" = (SELECT COUNT(*) FROM "Deals" WHERE "DeletedAt" IS NULL) WHERE "Key" = 'deals';
        INSERT INTO "DashboardCounts" ("Key", "Count", "Low", "High")
            SELECT 'status:' || "Status", COUNT(*), 0, 0 FROM "Deals" WHERE "DeletedAt" IS NULL GROUP BY "Status";
        INSERT INTO "DashboardCounts" ("Key", "Count", "Low", "High")
            SELECT 'kind:' || "Kind", COUNT(*), 0, 0 FROM "Deals" WHERE "DeletedAt" IS NULL GROUP BY "Kind";
        UPDATE "DashboardCounts" SET ("Count", "Low", "High") = (
            SELECT COUNT(*), COALESCE(SUM(COALESCE("AmountLow", 0)), 0)::float8, COALESCE(SUM(COALESCE("AmountHigh", "AmountLow", 0)), 0)::float8
            FROM "Deals" AS d WHERE d."DeletedAt" IS NULL) WHERE "Key" = 'amounts';
        UPDATE "DashboardCounts" SET "Count" = (
            SELECT COUNT(*) FROM "Deals" AS d WHERE d."DeletedAt" IS NULL AND d."AmountQualifier" = substr("DashboardCounts"."Key", 9))
            WHERE "Key" IN ('amounts:AtLeast', 'amounts:Undisclosed');
        INSERT INTO "ActivityMonths" ("Month", "Deals", "Events")
            SELECT to_char("AnnouncedOn", 'YYYY-MM'), COUNT(*), 0 FROM "Deals"
            WHERE "DeletedAt" IS NULL AND "AnnouncedOn" IS NOT NULL AND "AnnouncedPrecision" IN ('Day', 'Month')
            GROUP BY to_char("AnnouncedOn", 'YYYY-MM');
        INSERT INTO "ActivityMonths" ("Month", "Deals", "Events")
            SELECT to_char("OccurredOn", 'YYYY-MM'), 0, COUNT(*) FROM "MarketEvents"
            WHERE "DeletedAt" IS NULL AND "OccurredOn" IS NOT NULL AND "OccurredPrecision" IN ('Day', 'Month')
            GROUP BY to_char("OccurredOn", 'YYYY-MM')
            ON CONFLICT ("Month") DO UPDATE SET "Events" = excluded."Events";
        UPDATE "DashboardCounts" SET "Count" = (SELECT COUNT(*) FROM "MarketEvents" WHERE "DeletedAt" IS NULL) WHERE "Key" = 'events';
        INSERT INTO "OrganizationTotals" ("OrganizationId", "Deals", "LeafDeals", "LeafLow", "LeafHigh")
            SELECT o."Id", COALESCE(g."Deals", 0), COALESCE(g."LeafDeals", 0), COALESCE(g."LeafLow", 0), COALESCE(g."LeafHigh", 0)
            FROM "Organizations" AS o LEFT JOIN (
                SELECT p."OrganizationId", COUNT(*) AS "Deals", COUNT(*) AS "LeafDeals",
                    SUM(COALESCE(p."CommitmentLow", 0))::float8 AS "LeafLow",
                    SUM(COALESCE(p."CommitmentHigh", p."CommitmentLow", 0))::float8 AS "LeafHigh"
                FROM "DealParticipants" AS p JOIN "Deals" AS d ON d."Id" = p."DealId"
                WHERE p."DeletedAt" IS NULL AND d."DeletedAt" IS NULL
                GROUP BY p."OrganizationId") AS g ON g."OrganizationId" = o."Id";
        UPDATE "DashboardCounts" SET "Count" = (
            SELECT COUNT(*) FROM "OrganizationTotals" AS t JOIN "Organizations" AS o ON o."Id" = t."OrganizationId"
            WHERE t."Deals" > 0 AND o."DeletedAt" IS NULL) WHERE "Key" = 'investors';
        """;
}
