using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AiDeals.Core.Data.Migrations
{
    /// <summary>
    /// The dashboard's aggregates (kept counts and sums, activity by month, each organization's totals), filled from the
    /// tables once here and kept from then on by triggers in the transaction of every write (<see cref="Aggregates.AggregateSql"/>);
    /// and an index on the valuations' as-of date for the latest valuation.
    /// </summary>
    public partial class DashboardAggregates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ActivityMonths",
                columns: table => new
                {
                    Month = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    Deals = table.Column<int>(type: "INTEGER", nullable: false),
                    Events = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivityMonths", x => x.Month);
                });

            migrationBuilder.CreateTable(
                name: "DashboardCounts",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false),
                    Low = table.Column<double>(type: "INTEGER", nullable: false),
                    High = table.Column<double>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DashboardCounts", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "OrganizationTotals",
                columns: table => new
                {
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Deals = table.Column<int>(type: "INTEGER", nullable: false),
                    LeafDeals = table.Column<int>(type: "INTEGER", nullable: false),
                    LeafLow = table.Column<double>(type: "INTEGER", nullable: false),
                    LeafHigh = table.Column<double>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrganizationTotals", x => x.OrganizationId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OrganizationTotals_LeafHigh",
                table: "OrganizationTotals",
                column: "LeafHigh");

            migrationBuilder.CreateIndex(
                name: "IX_Valuations_AsOf",
                table: "Valuations",
                column: "AsOf");

            migrationBuilder.Sql(Aggregates.AggregateSql.CreateTriggers);
            migrationBuilder.Sql(Aggregates.AggregateSql.Rebuild);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in new[]
            {
                "DealInserted", "DealUpdated", "DealJoinedUmbrella", "DealMovedUnderUmbrella", "DealLeftUmbrella", "ParticipantInserted",
                "ParticipantUpdated", "OrganizationInserted", "OrganizationDeletedOrRestored", "InvestorCounted", "EventInserted", "EventUpdated",
            })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"{Aggregates.AggregateSql.TriggerPrefix}{trigger}\";");
            }

            migrationBuilder.DropIndex(
                name: "IX_Valuations_AsOf",
                table: "Valuations");

            migrationBuilder.DropTable(
                name: "ActivityMonths");

            migrationBuilder.DropTable(
                name: "DashboardCounts");

            migrationBuilder.DropTable(
                name: "OrganizationTotals");
        }
    }
}
