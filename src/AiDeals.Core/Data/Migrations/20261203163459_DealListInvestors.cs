using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AiDeals.Core.Data.Migrations
{
    /// <summary>
    /// The investors the deal list shows, kept on the deal's row (see <see cref="Configurations.DealListKeys.Investors"/>):
    /// filled for every deal, then written by the DealListKeys triggers beside the first investor's name, in the
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
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.Sql($"UPDATE \"Deals\" SET \"ListInvestors\" = {InvestorList("\"Deals\".\"Id\"")};");
            foreach (var (name, _) in Triggers)
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"{name}\";");
            }

            foreach (var (_, sql) in Triggers)
            {
                migrationBuilder.Sql(sql);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (name, _) in Triggers)
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"{name}\";");
            }

            foreach (var (name, sql) in DealListKeys.Triggers)
            {
                if (Array.Exists(Triggers, t => t.Name == name))
                {
                    migrationBuilder.Sql(sql);
                }
            }

            migrationBuilder.DropColumn(
                name: "ListInvestors",
                table: "Deals");
        }

        // The triggers that write the first investor now write the investors too; the target's own trigger is unchanged.
        private static readonly (string Name, string Sql)[] Triggers =
        [
            Trigger("TR_Deals_Insert_ListKeys", "AFTER INSERT ON \"Deals\"",
                $"UPDATE \"Deals\" SET \"SortTarget\" = {TargetName("NEW.\"TargetId\"")}, {InvestorKeys("NEW.\"Id\"")} WHERE \"Id\" = NEW.\"Id\";"),
            Trigger("TR_DealParticipants_Insert_ListKeys", "AFTER INSERT ON \"DealParticipants\"",
                $"UPDATE \"Deals\" SET {InvestorKeys("NEW.\"DealId\"")} WHERE \"Id\" = NEW.\"DealId\";"),
            Trigger("TR_DealParticipants_Update_ListKeys", "AFTER UPDATE OF \"DealId\", \"OrganizationId\", \"Role\", \"DeletedAt\" ON \"DealParticipants\"",
                $"UPDATE \"Deals\" SET {InvestorKeys("\"Deals\".\"Id\"")} WHERE \"Id\" IN (OLD.\"DealId\", NEW.\"DealId\");"),
            Trigger("TR_DealParticipants_Delete_ListKeys", "AFTER DELETE ON \"DealParticipants\"",
                $"UPDATE \"Deals\" SET {InvestorKeys("OLD.\"DealId\"")} WHERE \"Id\" = OLD.\"DealId\";"),
            // A rename (name and slug), a deletion or a restoration changes what the list shows of every deal the organization is in.
            Trigger("TR_Organizations_ListKeys",
                "AFTER UPDATE OF \"Name\", \"Slug\", \"DeletedAt\" ON \"Organizations\" "
                + "WHEN OLD.\"Name\" IS NOT NEW.\"Name\" OR OLD.\"Slug\" IS NOT NEW.\"Slug\" OR OLD.\"DeletedAt\" IS NOT NEW.\"DeletedAt\"",
                $"UPDATE \"Deals\" SET \"SortTarget\" = {TargetName("NEW.\"Id\"")} WHERE \"TargetId\" = NEW.\"Id\";\n"
                + $"    UPDATE \"Deals\" SET {InvestorKeys("\"Deals\".\"Id\"")} WHERE \"Id\" IN (SELECT \"DealId\" FROM \"DealParticipants\" WHERE \"OrganizationId\" = NEW.\"Id\");"),
        ];

        private static (string Name, string Sql) Trigger(string name, string when, string body) =>
            (name, $"CREATE TRIGGER \"{name}\" {when}\nBEGIN\n    {body}\nEND;");

        private static string InvestorKeys(string dealId) =>
            $"\"SortInvestor\" = {FirstInvestor(dealId)}, \"ListInvestors\" = {InvestorList(dealId)}";

        // The target's name while it is not deleted, as the list shows it.
        private static string TargetName(string targetId) =>
            $"COALESCE((SELECT o.\"Name\" FROM \"Organizations\" AS o WHERE o.\"Id\" = {targetId} AND o.\"DeletedAt\" IS NULL), '')";

        // The first investor as the list shows them: live participations of live organizations, the lead first, then by name.
        private static string FirstInvestor(string dealId) =>
            "COALESCE((SELECT o.\"Name\" FROM \"DealParticipants\" AS p INNER JOIN \"Organizations\" AS o ON o.\"Id\" = p.\"OrganizationId\" "
            + $"WHERE p.\"DealId\" = {dealId} AND p.\"DeletedAt\" IS NULL AND o.\"DeletedAt\" IS NULL "
            + "ORDER BY CASE p.\"Role\" WHEN 'Lead' THEN 0 WHEN 'CoInvestor' THEN 1 WHEN 'Backer' THEN 2 ELSE 3 END, o.\"Name\" LIMIT 1), '')";

        // Every investor in the list's order: name, U+001F, slug; joined by U+001E (separators in a name become spaces).
        // The rows of an ordered subquery, concatenated in its order (an aggregate's ORDER BY needs SQLite 3.44).
        private static string InvestorList(string dealId) =>
            "COALESCE((SELECT group_concat(s.\"Shown\", char(30)) FROM (SELECT replace(replace(o.\"Name\", char(30), ' '), char(31), ' ') || char(31) || o.\"Slug\" AS \"Shown\" "
            + "FROM \"DealParticipants\" AS p INNER JOIN \"Organizations\" AS o ON o.\"Id\" = p.\"OrganizationId\" "
            + $"WHERE p.\"DealId\" = {dealId} AND p.\"DeletedAt\" IS NULL AND o.\"DeletedAt\" IS NULL "
            + "ORDER BY CASE p.\"Role\" WHEN 'Lead' THEN 0 WHEN 'CoInvestor' THEN 1 WHEN 'Backer' THEN 2 ELSE 3 END, o.\"Name\", o.\"Slug\") AS s), '')";
    }
}
