using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AiDeals.Core.Data.Migrations
{
    /// <summary>
    /// Indexes that lead with DeletedAt, which every query of live deals filters on, so that one index serves both the
    /// filter and the deal list's sort (alone, a DeletedAt index made SQLite sort every row). The two amount keys are
    /// expressions, which EF cannot declare: they are written here in SQL, in the form EF generates for the queries,
    /// since SQLite uses an expression index only for the same expression.
    /// </summary>
    public partial class DealListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Deals_AmountHigh",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_AmountLow",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_AnnouncedOn",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_DeletedAt",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_Kind",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_Status",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_Title",
                table: "Deals");

            migrationBuilder.CreateIndex(
                name: "IX_Deals_DeletedAt_AnnouncedOn",
                table: "Deals",
                columns: new[] { "DeletedAt", "AnnouncedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_DeletedAt_Kind",
                table: "Deals",
                columns: new[] { "DeletedAt", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_DeletedAt_Status",
                table: "Deals",
                columns: new[] { "DeletedAt", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_DeletedAt_Title",
                table: "Deals",
                columns: new[] { "DeletedAt", "Title" });

            migrationBuilder.Sql("CREATE INDEX \"IX_Deals_DeletedAt_AmountHighOrLow\" ON \"Deals\" (\"DeletedAt\", COALESCE(\"AmountHigh\", \"AmountLow\"));");
            migrationBuilder.Sql("CREATE INDEX \"IX_Deals_DeletedAt_AmountLowOrHigh\" ON \"Deals\" (\"DeletedAt\", COALESCE(\"AmountLow\", \"AmountHigh\"));");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX \"IX_Deals_DeletedAt_AmountLowOrHigh\";");
            migrationBuilder.Sql("DROP INDEX \"IX_Deals_DeletedAt_AmountHighOrLow\";");

            migrationBuilder.DropIndex(
                name: "IX_Deals_DeletedAt_AnnouncedOn",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_DeletedAt_Kind",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_DeletedAt_Status",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_DeletedAt_Title",
                table: "Deals");

            migrationBuilder.CreateIndex(
                name: "IX_Deals_AmountHigh",
                table: "Deals",
                column: "AmountHigh");

            migrationBuilder.CreateIndex(
                name: "IX_Deals_AmountLow",
                table: "Deals",
                column: "AmountLow");

            migrationBuilder.CreateIndex(
                name: "IX_Deals_AnnouncedOn",
                table: "Deals",
                column: "AnnouncedOn");

            migrationBuilder.CreateIndex(
                name: "IX_Deals_DeletedAt",
                table: "Deals",
                column: "DeletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Deals_Kind",
                table: "Deals",
                column: "Kind");

            migrationBuilder.CreateIndex(
                name: "IX_Deals_Status",
                table: "Deals",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_Deals_Title",
                table: "Deals",
                column: "Title");
        }
    }
}
