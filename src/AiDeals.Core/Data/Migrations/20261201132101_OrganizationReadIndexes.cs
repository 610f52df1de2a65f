using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AiDeals.Core.Data.Migrations
{
    /// <summary>
    /// An organization's participations and the deals that target it, each index extended by DeletedAt so that reading
    /// or counting them (the investor and target filters and pickers, the profile) needs no row of the table itself.
    /// Each replaces the index it extends, whose leading columns it still serves.
    /// </summary>
    public partial class OrganizationReadIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Deals_TargetId",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_DealParticipants_OrganizationId_DealId",
                table: "DealParticipants");

            migrationBuilder.CreateIndex(
                name: "IX_Deals_TargetId_DeletedAt",
                table: "Deals",
                columns: new[] { "TargetId", "DeletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DealParticipants_OrganizationId_DealId_DeletedAt",
                table: "DealParticipants",
                columns: new[] { "OrganizationId", "DealId", "DeletedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Deals_TargetId_DeletedAt",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_DealParticipants_OrganizationId_DealId_DeletedAt",
                table: "DealParticipants");

            migrationBuilder.CreateIndex(
                name: "IX_Deals_TargetId",
                table: "Deals",
                column: "TargetId");

            migrationBuilder.CreateIndex(
                name: "IX_DealParticipants_OrganizationId_DealId",
                table: "DealParticipants",
                columns: new[] { "OrganizationId", "DealId" });
        }
    }
}
