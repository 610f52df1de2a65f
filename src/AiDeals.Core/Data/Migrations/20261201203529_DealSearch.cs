using AiDeals.Core.Data.Search;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AiDeals.Core.Data.Migrations
{
    /// <summary>
    /// The deal list's free-text index (<see cref="DealSearchSql"/>): the FTS5 table, its triggers, and every deal's
    /// entry written once here.
    /// </summary>
    public partial class DealSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(DealSearchSql.CreateTable);
            migrationBuilder.Sql(DealSearchSql.CreateTriggers);
            migrationBuilder.Sql(DealSearchSql.Rebuild);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in DealSearchSql.TriggerNames)
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"{trigger}\";");
            }

            migrationBuilder.Sql($"DROP TABLE IF EXISTS \"{DealSearchSql.Table}\";");
        }
    }
}
