using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AiDeals.Migrations.PostgreSql.Migrations
{
    /// <summary>
    /// The deal list's sorts served by an index on PostgreSQL. A page asks for the live deals (<c>"DeletedAt" IS NULL</c>)
    /// <c>ORDER BY key NULLS FIRST, "Id"</c> (or both descending, <c>NULLS LAST</c>), the order SQLite gives; the
    /// <c>("DeletedAt", key)</c> indexes the model declares cannot give it here (PostgreSQL does not treat
    /// <c>IS NULL</c> as an equality for the order, and they lack <c>"Id"</c>), so each page sorted every live deal. One
    /// partial index per sort key, in that order, read forwards or backwards.
    /// </summary>
    public partial class LiveListIndexes : Migration
    {
        private static readonly (string Name, string Key)[] Keys =
        [
            ("AnnouncedOn", "\"AnnouncedOn\""),
            ("Title", "\"Title\""),
            ("SortTarget", "\"SortTarget\""),
            ("SortInvestor", "\"SortInvestor\""),
            ("Kind", "\"Kind\""),
            ("StatusRank", "\"StatusRank\""),
            ("AmountHighOrLow", "COALESCE(\"AmountHigh\", \"AmountLow\")"),
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var (name, key) in Keys)
            {
                migrationBuilder.Sql($"CREATE INDEX \"IX_Deals_Live_{name}\" ON \"Deals\" ({key} NULLS FIRST, \"Id\") WHERE \"DeletedAt\" IS NULL;");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (name, _) in Keys)
            {
                migrationBuilder.Sql($"DROP INDEX \"IX_Deals_Live_{name}\";");
            }
        }
    }
}
