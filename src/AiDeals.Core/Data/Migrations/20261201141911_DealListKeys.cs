using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AiDeals.Core.Data.Migrations
{
    /// <summary>
    /// The deal list's sort keys on the deal's row (see <see cref="Configurations.DealListKeys"/>): the target's name and
    /// the first investor's name, written by triggers in the transaction of every write that changes them, and the
    /// status's rank, a virtual column. Each is indexed after DeletedAt, as the other sorts are.
    /// </summary>
    public partial class DealListKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SortInvestor",
                table: "Deals",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SortTarget",
                table: "Deals",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "StatusRank",
                table: "Deals",
                type: "INTEGER",
                nullable: false,
                computedColumnSql: "CASE \"Status\" WHEN 'Rumored' THEN 0 WHEN 'InTalks' THEN 1 WHEN 'Announced' THEN 2 WHEN 'Completed' THEN 3 ELSE 4 END",
                stored: false);

            // Filled before the indexes are built: sorting once is faster than keeping them in order through a million updates.
            migrationBuilder.Sql($"UPDATE \"Deals\" SET \"SortTarget\" = {TargetName("\"Deals\".\"TargetId\"")}, \"SortInvestor\" = {FirstInvestor("\"Deals\".\"Id\"")};");
            foreach (var trigger in Triggers)
            {
                migrationBuilder.Sql(trigger.Sql);
            }

            migrationBuilder.CreateIndex(
                name: "IX_Deals_DeletedAt_SortInvestor",
                table: "Deals",
                columns: new[] { "DeletedAt", "SortInvestor" });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_DeletedAt_SortTarget",
                table: "Deals",
                columns: new[] { "DeletedAt", "SortTarget" });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_DeletedAt_StatusRank",
                table: "Deals",
                columns: new[] { "DeletedAt", "StatusRank" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in Triggers)
            {
                migrationBuilder.Sql($"DROP TRIGGER \"{trigger.Name}\";");
            }

            migrationBuilder.DropIndex(
                name: "IX_Deals_DeletedAt_SortInvestor",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_DeletedAt_SortTarget",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_DeletedAt_StatusRank",
                table: "Deals");

            migrationBuilder.DropColumn(
                name: "StatusRank",
                table: "Deals");

            migrationBuilder.DropColumn(
                name: "SortInvestor",
                table: "Deals");

            migrationBuilder.DropColumn(
                name: "SortTarget",
                table: "Deals");
        }
    
        internal static readonly (string Name, string Sql)[] Triggers =
        [
            Trigger("TR_Deals_Insert_ListKeys", "AFTER INSERT ON \"Deals\"",
                $"UPDATE \"Deals\" SET \"SortTarget\" = {TargetName("NEW.\"TargetId\"")}, \"SortInvestor\" = {FirstInvestor("NEW.\"Id\"")} WHERE \"Id\" = NEW.\"Id\";"),
            Trigger("TR_Deals_Target_ListKeys", "AFTER UPDATE OF \"TargetId\" ON \"Deals\" WHEN OLD.\"TargetId\" IS NOT NEW.\"TargetId\"",
                $"UPDATE \"Deals\" SET \"SortTarget\" = {TargetName("NEW.\"TargetId\"")} WHERE \"Id\" = NEW.\"Id\";"),
            Trigger("TR_DealParticipants_Insert_ListKeys", "AFTER INSERT ON \"DealParticipants\"",
                $"UPDATE \"Deals\" SET \"SortInvestor\" = {FirstInvestor("NEW.\"DealId\"")} WHERE \"Id\" = NEW.\"DealId\";"),
            Trigger("TR_DealParticipants_Update_ListKeys", "AFTER UPDATE OF \"DealId\", \"OrganizationId\", \"Role\", \"DeletedAt\" ON \"DealParticipants\"",
                $"UPDATE \"Deals\" SET \"SortInvestor\" = {FirstInvestor("\"Deals\".\"Id\"")} WHERE \"Id\" IN (OLD.\"DealId\", NEW.\"DealId\");"),
            Trigger("TR_DealParticipants_Delete_ListKeys", "AFTER DELETE ON \"DealParticipants\"",
                $"UPDATE \"Deals\" SET \"SortInvestor\" = {FirstInvestor("OLD.\"DealId\"")} WHERE \"Id\" = OLD.\"DealId\";"),
            // A rename, a deletion or a restoration changes what the list shows of every deal the organization is in.
            Trigger("TR_Organizations_ListKeys",
                "AFTER UPDATE OF \"Name\", \"DeletedAt\" ON \"Organizations\" WHEN OLD.\"Name\" IS NOT NEW.\"Name\" OR OLD.\"DeletedAt\" IS NOT NEW.\"DeletedAt\"",
                $"UPDATE \"Deals\" SET \"SortTarget\" = {TargetName("NEW.\"Id\"")} WHERE \"TargetId\" = NEW.\"Id\";\n"
                + $"    UPDATE \"Deals\" SET \"SortInvestor\" = {FirstInvestor("\"Deals\".\"Id\"")} WHERE \"Id\" IN (SELECT \"DealId\" FROM \"DealParticipants\" WHERE \"OrganizationId\" = NEW.\"Id\");"),
        ];

        private static (string Name, string Sql) Trigger(string name, string when, string body) =>
            (name, $"CREATE TRIGGER \"{name}\" {when}\nBEGIN\n    {body}\nEND;");

        // The target's name while it is not deleted, as the list shows it.
        private static string TargetName(string targetId) =>
            $"COALESCE((SELECT o.\"Name\" FROM \"Organizations\" AS o WHERE o.\"Id\" = {targetId} AND o.\"DeletedAt\" IS NULL), '')";

        // The first investor as the list shows them: live participations of live organizations, the lead first, then by name.
        private static string FirstInvestor(string dealId) =>
            "COALESCE((SELECT o.\"Name\" FROM \"DealParticipants\" AS p INNER JOIN \"Organizations\" AS o ON o.\"Id\" = p.\"OrganizationId\" "
            + $"WHERE p.\"DealId\" = {dealId} AND p.\"DeletedAt\" IS NULL AND o.\"DeletedAt\" IS NULL "
            + "ORDER BY CASE p.\"Role\" WHEN 'Lead' THEN 0 WHEN 'CoInvestor' THEN 1 WHEN 'Backer' THEN 2 ELSE 3 END, o.\"Name\" LIMIT 1), '')";
}
}
