using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AiDeals.Core.Data.Migrations
{
    /// <summary>
    /// A deal can be part of several wider deals: each deal's single umbrella (Deals.ParentId) becomes one link, deleted
    /// with its part when the part was deleted; the dashboard's aggregates count every live deal in full, and the wider
    /// deals' counted rests (UnionRests) are kept beside them, counted when this migration commits. The ParentId column stays, emptied and no longer mapped: dropping it would
    /// make EF rebuild the Deals table, which drops the triggers and expression indexes of the earlier migrations, and
    /// SQLite's own DROP COLUMN refuses a column in a foreign key.
    /// </summary>
    public partial class DealLinks : Migration
    {
        private static readonly string[] FormerAggregateTriggers =
        [
            "DealInserted", "DealUpdated", "DealJoinedUmbrella", "DealMovedUnderUmbrella", "DealLeftUmbrella", "ParticipantInserted",
            "ParticipantUpdated", "OrganizationInserted", "OrganizationDeletedOrRestored", "InvestorCounted", "EventInserted", "EventUpdated",
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in FormerAggregateTriggers)
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"{Aggregates.AggregateSql.TriggerPrefix}{trigger}\";");
            }

            migrationBuilder.DropIndex(
                name: "IX_Deals_ParentId",
                table: "Deals");

            migrationBuilder.CreateTable(
                name: "DealLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PartId = table.Column<int>(type: "INTEGER", nullable: false),
                    WiderId = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    DeletedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DealLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DealLinks_Deals_PartId",
                        column: x => x.PartId,
                        principalTable: "Deals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DealLinks_Deals_WiderId",
                        column: x => x.WiderId,
                        principalTable: "Deals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DealLinks_PartId_WiderId",
                table: "DealLinks",
                columns: new[] { "PartId", "WiderId" },
                unique: true,
                filter: "DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_DealLinks_WiderId_DeletedAt_PartId",
                table: "DealLinks",
                columns: new[] { "WiderId", "DeletedAt", "PartId" });

            // WITHOUT ROWID: a total reads one group's rows, which then lie together in the key's order.
            migrationBuilder.Sql("""
                CREATE TABLE "UnionRests" (
                    "GroupId" INTEGER NOT NULL, "WiderId" INTEGER NOT NULL,
                    "OwnLow" REAL NOT NULL, "OwnHigh" REAL NOT NULL, "RestLow" REAL NOT NULL, "RestHigh" REAL NOT NULL,
                    "Qualifier" TEXT NOT NULL,
                    CONSTRAINT "PK_UnionRests" PRIMARY KEY ("GroupId", "WiderId")) WITHOUT ROWID;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_UnionRests_WiderId",
                table: "UnionRests",
                column: "WiderId");

            migrationBuilder.CreateTable(
                name: "UnionPending",
                columns: table => new
                {
                    DealId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnionPending", x => x.DealId);
                });

            migrationBuilder.Sql("""
                INSERT INTO "DealLinks" ("PartId", "WiderId", "Version", "DeletedAt")
                SELECT "Id", "ParentId", 0, "DeletedAt" FROM "Deals" WHERE "ParentId" IS NOT NULL ORDER BY "Id";
                UPDATE "Deals" SET "ParentId" = NULL WHERE "ParentId" IS NOT NULL;
                """);
            migrationBuilder.Sql(Aggregates.AggregateSql.CreateTriggers);
            migrationBuilder.Sql(Aggregates.AggregateSql.Rebuild);
            migrationBuilder.Sql(Aggregates.UnionRestSql.CreateTriggers);

            // Every wider deal noted: the rests are counted as this migration's transaction commits (UnionRestsInterceptor).
            migrationBuilder.Sql("""
                INSERT OR IGNORE INTO "UnionPending" ("DealId") SELECT "WiderId" FROM "DealLinks" WHERE "DeletedAt" IS NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Back to one umbrella a deal: its first live link's. The aggregates keep the union-free sums of this version.
            migrationBuilder.Sql("""
                UPDATE "Deals" SET "ParentId" = (
                    SELECT l."WiderId" FROM "DealLinks" AS l WHERE l."PartId" = "Deals"."Id" AND l."DeletedAt" IS NULL ORDER BY l."Id" LIMIT 1);
                """);

            foreach (var trigger in Aggregates.UnionRestSql.TriggerNames)
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"{trigger}\";");
            }

            migrationBuilder.DropTable(
                name: "UnionPending");

            migrationBuilder.DropTable(
                name: "UnionRests");

            migrationBuilder.DropTable(
                name: "DealLinks");

            migrationBuilder.CreateIndex(
                name: "IX_Deals_ParentId",
                table: "Deals",
                column: "ParentId");
        }
    }
}
