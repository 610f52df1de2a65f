using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AiDeals.Migrations.PostgreSql.Migrations
{
    /// <summary>
    /// The investors the deal list shows, kept on the deal's row (see <see cref="Core.Data.Configurations.DealListKeys.Investors"/>):
    /// filled for every deal, then written by the list keys' trigger functions beside the first investor's name, in the
    /// transaction of every write that changes them. An organization's new slug now counts as a change, as its name does.
    /// The expressions are this migration's own copies, as they stood when it was written.
    /// </summary>
    public partial class DealListInvestors : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ListInvestors",
                table: "Deals",
                type: "text",
                nullable: false,
                defaultValue: "",
                collation: "C");

            migrationBuilder.Sql($"UPDATE \"Deals\" SET \"ListInvestors\" = {InvestorList("\"Deals\".\"Id\"")};");
            migrationBuilder.Sql(Functions(withInvestors: true));
            migrationBuilder.Sql(OrganizationTrigger("\"Name\", \"Slug\", \"DeletedAt\"",
                "OLD.\"Name\" IS DISTINCT FROM NEW.\"Name\" OR OLD.\"Slug\" IS DISTINCT FROM NEW.\"Slug\" OR OLD.\"DeletedAt\" IS DISTINCT FROM NEW.\"DeletedAt\""));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Functions(withInvestors: false));
            migrationBuilder.Sql(OrganizationTrigger("\"Name\", \"DeletedAt\"",
                "OLD.\"Name\" IS DISTINCT FROM NEW.\"Name\" OR OLD.\"DeletedAt\" IS DISTINCT FROM NEW.\"DeletedAt\""));
            migrationBuilder.DropColumn(
                name: "ListInvestors",
                table: "Deals");
        }

        // The functions of the list keys' triggers, writing the investors beside the first investor's name or not.
        private static string Functions(bool withInvestors)
        {
            string Keys(string dealId) => withInvestors
                ? $"\"SortInvestor\" = {FirstInvestor(dealId)}, \"ListInvestors\" = {InvestorList(dealId)}"
                : $"\"SortInvestor\" = {FirstInvestor(dealId)}";
            return $$"""
                CREATE OR REPLACE FUNCTION "Deals_ListKeys"() RETURNS trigger
                LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'INSERT' THEN
                        UPDATE "Deals" SET "SortTarget" = {{TargetName("NEW.\"TargetId\"")}}, {{Keys("NEW.\"Id\"")}} WHERE "Id" = NEW."Id";
                    ELSE
                        UPDATE "Deals" SET "SortTarget" = {{TargetName("NEW.\"TargetId\"")}} WHERE "Id" = NEW."Id";
                    END IF;
                    RETURN NULL;
                END $$;

                CREATE OR REPLACE FUNCTION "DealParticipants_ListKeys"() RETURNS trigger
                LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP <> 'DELETE' THEN
                        UPDATE "Deals" SET {{Keys("\"Deals\".\"Id\"")}} WHERE "Id" = NEW."DealId";
                    END IF;
                    IF TG_OP <> 'INSERT' THEN
                        UPDATE "Deals" SET {{Keys("\"Deals\".\"Id\"")}} WHERE "Id" = OLD."DealId";
                    END IF;
                    RETURN NULL;
                END $$;

                CREATE OR REPLACE FUNCTION "Organizations_ListKeys"() RETURNS trigger
                LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE "Deals" SET "SortTarget" = {{TargetName("NEW.\"Id\"")}} WHERE "TargetId" = NEW."Id";
                    UPDATE "Deals" SET {{Keys("\"Deals\".\"Id\"")}}
                        WHERE "Id" IN (SELECT "DealId" FROM "DealParticipants" WHERE "OrganizationId" = NEW."Id");
                    RETURN NULL;
                END $$;
                """;
        }

        // A rename (name and slug), a deletion or a restoration changes what the list shows of every deal the organization is in.
        private static string OrganizationTrigger(string columns, string when) => $"""
            DROP TRIGGER IF EXISTS "TR_Organizations_ListKeys" ON "Organizations";
            CREATE TRIGGER "TR_Organizations_ListKeys" AFTER UPDATE OF {columns} ON "Organizations" FOR EACH ROW
                WHEN ({when})
                EXECUTE FUNCTION "Organizations_ListKeys"();
            """;

        private static string TargetName(string targetId) =>
            $"COALESCE((SELECT o.\"Name\" FROM \"Organizations\" AS o WHERE o.\"Id\" = {targetId} AND o.\"DeletedAt\" IS NULL), '')";

        private static string FirstInvestor(string dealId) =>
            "COALESCE((SELECT o.\"Name\" FROM \"DealParticipants\" AS p INNER JOIN \"Organizations\" AS o ON o.\"Id\" = p.\"OrganizationId\" "
            + $"WHERE p.\"DealId\" = {dealId} AND p.\"DeletedAt\" IS NULL AND o.\"DeletedAt\" IS NULL "
            + "ORDER BY CASE p.\"Role\" WHEN 'Lead' THEN 0 WHEN 'CoInvestor' THEN 1 WHEN 'Backer' THEN 2 ELSE 3 END, o.\"Name\" LIMIT 1), '')";

        // Every investor in the list's order: name, U+001F, slug; joined by U+001E (separators in a name become spaces).
        private static string InvestorList(string dealId) =>
            "COALESCE((SELECT string_agg(replace(replace(o.\"Name\", chr(30), ' '), chr(31), ' ') || chr(31) || o.\"Slug\", chr(30) "
            + "ORDER BY CASE p.\"Role\" WHEN 'Lead' THEN 0 WHEN 'CoInvestor' THEN 1 WHEN 'Backer' THEN 2 ELSE 3 END, o.\"Name\", o.\"Slug\") "
            + "FROM \"DealParticipants\" AS p INNER JOIN \"Organizations\" AS o ON o.\"Id\" = p.\"OrganizationId\" "
            + $"WHERE p.\"DealId\" = {dealId} AND p.\"DeletedAt\" IS NULL AND o.\"DeletedAt\" IS NULL), '')";
    }
}
