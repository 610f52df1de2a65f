namespace AiDeals.Core.Data.Search;

/// <summary>
/// <see cref="DealSearchSql"/>'s twin on PostgreSQL: a table of one <c>tsvector</c> per deal (the same text: title,
/// notes, and the names and aliases of its live organizations) under a GIN index, kept by triggers on the same events.
/// The words are PostgreSQL's default parser's, lower-cased by the <c>simple</c> configuration (no stemming, no stop
/// words) with accents taken off by <c>unaccent</c>, so café finds cafe; <see cref="Features.Deals.DealTextSearch.TsQuery"/>
/// asks for every typed word as a prefix, as the FTS5 query does.
/// </summary>
public static class DealSearchSqlPostgreSql
{
    /// <summary>The table, its index and the functions that write a deal's entry.</summary>
    public const string CreateTable = """
        CREATE EXTENSION IF NOT EXISTS unaccent;
        CREATE TABLE "DealSearch" ("DealId" integer NOT NULL PRIMARY KEY, "Document" tsvector NOT NULL);
        CREATE INDEX "IX_DealSearch_Document" ON "DealSearch" USING GIN ("Document");

        CREATE FUNCTION "DealSearch_Document"(deal integer) RETURNS tsvector
        LANGUAGE sql STABLE AS $$
            SELECT to_tsvector('simple', unaccent(concat_ws(' ', d."Title", d."Notes",
                (SELECT string_agg(n, ' ') FROM (
                    SELECT o."Name" AS n FROM "Organizations" AS o WHERE o."Id" = d."TargetId" AND o."DeletedAt" IS NULL
                    UNION ALL SELECT a."Name" FROM "OrganizationAliases" AS a JOIN "Organizations" AS o ON o."Id" = a."OrganizationId"
                        WHERE o."Id" = d."TargetId" AND o."DeletedAt" IS NULL
                    UNION ALL SELECT o."Name" FROM "DealParticipants" AS p JOIN "Organizations" AS o ON o."Id" = p."OrganizationId"
                        WHERE p."DealId" = d."Id" AND p."DeletedAt" IS NULL AND o."DeletedAt" IS NULL
                    UNION ALL SELECT a."Name" FROM "DealParticipants" AS p JOIN "Organizations" AS o ON o."Id" = p."OrganizationId"
                        JOIN "OrganizationAliases" AS a ON a."OrganizationId" = o."Id"
                        WHERE p."DealId" = d."Id" AND p."DeletedAt" IS NULL AND o."DeletedAt" IS NULL) AS names))))
            FROM "Deals" AS d WHERE d."Id" = deal
        $$;

        CREATE FUNCTION "DealSearch_Refresh"(deal integer) RETURNS void
        LANGUAGE plpgsql AS $$
        BEGIN
            IF deal IS NULL THEN RETURN; END IF;
            INSERT INTO "DealSearch" ("DealId", "Document") SELECT d."Id", "DealSearch_Document"(d."Id") FROM "Deals" AS d WHERE d."Id" = deal
                ON CONFLICT ("DealId") DO UPDATE SET "Document" = excluded."Document";
        END $$;

        CREATE FUNCTION "DealSearch_RefreshOrganization"(organization integer) RETURNS void
        LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM "DealSearch_Refresh"(d."Id") FROM "Deals" AS d WHERE d."TargetId" = organization
                OR d."Id" IN (SELECT p."DealId" FROM "DealParticipants" AS p WHERE p."OrganizationId" = organization);
        END $$;
        """;

    /// <summary>The triggers (the table and its functions must exist).</summary>
    public const string CreateTriggers = """
        CREATE FUNCTION "DealSearch_Deal"() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'DELETE' THEN
                DELETE FROM "DealSearch" WHERE "DealId" = OLD."Id";
            ELSE
                PERFORM "DealSearch_Refresh"(NEW."Id");
            END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER "DealSearch_DealInserted" AFTER INSERT ON "Deals" FOR EACH ROW EXECUTE FUNCTION "DealSearch_Deal"();
        CREATE TRIGGER "DealSearch_DealUpdated" AFTER UPDATE OF "Title", "Notes", "TargetId" ON "Deals" FOR EACH ROW
            WHEN (OLD."Title" IS DISTINCT FROM NEW."Title" OR OLD."Notes" IS DISTINCT FROM NEW."Notes" OR OLD."TargetId" IS DISTINCT FROM NEW."TargetId")
            EXECUTE FUNCTION "DealSearch_Deal"();
        CREATE TRIGGER "DealSearch_DealRemoved" AFTER DELETE ON "Deals" FOR EACH ROW EXECUTE FUNCTION "DealSearch_Deal"();

        CREATE FUNCTION "DealSearch_Participant"() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP <> 'INSERT' THEN PERFORM "DealSearch_Refresh"(OLD."DealId"); END IF;
            IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW."DealId" IS DISTINCT FROM OLD."DealId") THEN
                PERFORM "DealSearch_Refresh"(NEW."DealId");
            END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER "DealSearch_ParticipantInserted" AFTER INSERT ON "DealParticipants" FOR EACH ROW EXECUTE FUNCTION "DealSearch_Participant"();
        CREATE TRIGGER "DealSearch_ParticipantUpdated" AFTER UPDATE OF "DealId", "OrganizationId", "DeletedAt" ON "DealParticipants"
            FOR EACH ROW EXECUTE FUNCTION "DealSearch_Participant"();
        CREATE TRIGGER "DealSearch_ParticipantRemoved" AFTER DELETE ON "DealParticipants" FOR EACH ROW EXECUTE FUNCTION "DealSearch_Participant"();

        CREATE FUNCTION "DealSearch_Organization"() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM "DealSearch_RefreshOrganization"(NEW."Id");
            RETURN NULL;
        END $$;
        CREATE TRIGGER "DealSearch_OrganizationUpdated" AFTER UPDATE OF "Name", "DeletedAt" ON "Organizations" FOR EACH ROW
            WHEN (OLD."Name" IS DISTINCT FROM NEW."Name" OR OLD."DeletedAt" IS DISTINCT FROM NEW."DeletedAt")
            EXECUTE FUNCTION "DealSearch_Organization"();

        CREATE FUNCTION "DealSearch_Alias"() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP <> 'INSERT' THEN PERFORM "DealSearch_RefreshOrganization"(OLD."OrganizationId"); END IF;
            IF TG_OP <> 'DELETE' THEN PERFORM "DealSearch_RefreshOrganization"(NEW."OrganizationId"); END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER "DealSearch_AliasInserted" AFTER INSERT ON "OrganizationAliases" FOR EACH ROW EXECUTE FUNCTION "DealSearch_Alias"();
        CREATE TRIGGER "DealSearch_AliasUpdated" AFTER UPDATE OF "Name", "OrganizationId" ON "OrganizationAliases" FOR EACH ROW
            WHEN (OLD."Name" IS DISTINCT FROM NEW."Name" OR OLD."OrganizationId" IS DISTINCT FROM NEW."OrganizationId")
            EXECUTE FUNCTION "DealSearch_Alias"();
        CREATE TRIGGER "DealSearch_AliasRemoved" AFTER DELETE ON "OrganizationAliases" FOR EACH ROW EXECUTE FUNCTION "DealSearch_Alias"();
        """;

    /// <summary>Every deal's entry written again from the tables.</summary>
    public const string Rebuild = """
        DELETE FROM "DealSearch";
        INSERT INTO "DealSearch" ("DealId", "Document") SELECT d."Id", "DealSearch_Document"(d."Id") FROM "Deals" AS d;
        """;

    /// <summary>The entries of the deals whose condition on d holds written again (a batch that set the triggers aside).</summary>
    public static string RefreshDealsWhere(string condition) => $$"""
        INSERT INTO "DealSearch" ("DealId", "Document") SELECT d."Id", "DealSearch_Document"(d."Id") FROM "Deals" AS d WHERE {{condition}}
            ON CONFLICT ("DealId") DO UPDATE SET "Document" = excluded."Document";
        """;

    /// <summary>The ids of the deals a tsquery (the parameter's text, cast) matches.</summary>
    public static string Matching(string parameter) =>
        $"SELECT \"DealId\" FROM \"DealSearch\" WHERE \"Document\" @@ CAST({parameter} AS tsquery)";
}
