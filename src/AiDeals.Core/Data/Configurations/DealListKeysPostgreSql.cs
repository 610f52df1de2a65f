namespace AiDeals.Core.Data.Configurations;

/// <summary>
/// The DealListKeys migration's triggers on PostgreSQL: the same sort keys written by the same expressions
/// (<see cref="DealListKeys"/>) in the transaction of every write that changes them. Each trigger's UPDATE of "Deals"
/// sets only the sort keys, which no trigger on "Deals" listens to, so none fires again. The DealListInvestors
/// migration replaces the three functions with ones that write the kept investors too (and adds the slug to what the
/// organizations' trigger answers).
/// </summary>
public static class DealListKeysPostgreSql
{
    public static string CreateTriggers => $$"""
        CREATE FUNCTION "Deals_ListKeys"() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'INSERT' THEN
                UPDATE "Deals" SET "SortTarget" = {{DealListKeys.TargetName("NEW.\"TargetId\"")}}, "SortInvestor" = {{DealListKeys.FirstInvestor("NEW.\"Id\"")}} WHERE "Id" = NEW."Id";
            ELSE
                UPDATE "Deals" SET "SortTarget" = {{DealListKeys.TargetName("NEW.\"TargetId\"")}} WHERE "Id" = NEW."Id";
            END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER "TR_Deals_Insert_ListKeys" AFTER INSERT ON "Deals" FOR EACH ROW EXECUTE FUNCTION "Deals_ListKeys"();
        CREATE TRIGGER "TR_Deals_Target_ListKeys" AFTER UPDATE OF "TargetId" ON "Deals" FOR EACH ROW
            WHEN (OLD."TargetId" IS DISTINCT FROM NEW."TargetId") EXECUTE FUNCTION "Deals_ListKeys"();

        CREATE FUNCTION "DealParticipants_ListKeys"() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP <> 'DELETE' THEN
                UPDATE "Deals" SET "SortInvestor" = {{DealListKeys.FirstInvestor("\"Deals\".\"Id\"")}} WHERE "Id" = NEW."DealId";
            END IF;
            IF TG_OP <> 'INSERT' THEN
                UPDATE "Deals" SET "SortInvestor" = {{DealListKeys.FirstInvestor("\"Deals\".\"Id\"")}} WHERE "Id" = OLD."DealId";
            END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER "TR_DealParticipants_Insert_ListKeys" AFTER INSERT ON "DealParticipants" FOR EACH ROW EXECUTE FUNCTION "DealParticipants_ListKeys"();
        CREATE TRIGGER "TR_DealParticipants_Update_ListKeys" AFTER UPDATE OF "DealId", "OrganizationId", "Role", "DeletedAt" ON "DealParticipants"
            FOR EACH ROW EXECUTE FUNCTION "DealParticipants_ListKeys"();
        CREATE TRIGGER "TR_DealParticipants_Delete_ListKeys" AFTER DELETE ON "DealParticipants" FOR EACH ROW EXECUTE FUNCTION "DealParticipants_ListKeys"();

        CREATE FUNCTION "Organizations_ListKeys"() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE "Deals" SET "SortTarget" = {{DealListKeys.TargetName("NEW.\"Id\"")}} WHERE "TargetId" = NEW."Id";
            UPDATE "Deals" SET "SortInvestor" = {{DealListKeys.FirstInvestor("\"Deals\".\"Id\"")}}
                WHERE "Id" IN (SELECT "DealId" FROM "DealParticipants" WHERE "OrganizationId" = NEW."Id");
            RETURN NULL;
        END $$;
        CREATE TRIGGER "TR_Organizations_ListKeys" AFTER UPDATE OF "Name", "DeletedAt" ON "Organizations" FOR EACH ROW
            WHEN (OLD."Name" IS DISTINCT FROM NEW."Name" OR OLD."DeletedAt" IS DISTINCT FROM NEW."DeletedAt")
            EXECUTE FUNCTION "Organizations_ListKeys"();
        """;
}
