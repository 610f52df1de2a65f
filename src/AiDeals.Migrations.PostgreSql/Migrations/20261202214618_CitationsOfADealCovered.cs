using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AiDeals.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class CitationsOfADealCovered : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Citations_DealId",
                table: "Citations");

            migrationBuilder.CreateIndex(
                name: "IX_Citations_DealId_DeletedAt_SourceId",
                table: "Citations",
                columns: new[] { "DealId", "DeletedAt", "SourceId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Citations_DealId_DeletedAt_SourceId",
                table: "Citations");

            migrationBuilder.CreateIndex(
                name: "IX_Citations_DealId",
                table: "Citations",
                column: "DealId");
        }
    }
}
