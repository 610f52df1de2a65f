using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AiDeals.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class ParticipantsOfADealCovered : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DealParticipants_DealId",
                table: "DealParticipants");

            migrationBuilder.CreateIndex(
                name: "IX_DealParticipants_DealId_DeletedAt_OrganizationId_Role_CommitmentQualifier_ReportedQualifier",
                table: "DealParticipants",
                columns: new[] { "DealId", "DeletedAt", "OrganizationId", "Role", "CommitmentQualifier", "ReportedQualifier" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DealParticipants_DealId_DeletedAt_OrganizationId_Role_CommitmentQualifier_ReportedQualifier",
                table: "DealParticipants");

            migrationBuilder.CreateIndex(
                name: "IX_DealParticipants_DealId",
                table: "DealParticipants",
                column: "DealId");
        }
    }
}
