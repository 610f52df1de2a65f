using AiDeals.Core.Data.Search;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AiDeals.Core.Data.Migrations
{
    /// <summary>
    /// The free-text index's vocabulary (<see cref="DealSearchSql.Terms"/>), from which the deal list's text filter reads
    /// the longer words a typed word starts. A view of the index: it stores nothing.
    /// </summary>
    public partial class DealSearchTerms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(DealSearchSql.CreateTermsTable);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"DROP TABLE IF EXISTS \"{DealSearchSql.Terms}\";");
        }
    }
}
