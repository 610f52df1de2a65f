using System.Data.Common;
using Npgsql;

namespace AiDeals.Core.Data;

/// <summary>
/// The few expressions whose spelling differs between SQLite and PostgreSQL in the hand-written SQL of the hot paths
/// (the union totals, the deal list): everything else in that SQL is written once, in the syntax both read (quoted
/// identifiers, <c>@name</c> parameters).
/// </summary>
internal static class SqlDialect
{
    public static bool IsPostgreSql(DbConnection connection) => connection is NpgsqlConnection;

    /// <summary>A floating-point sum, 0.0 over no rows (SQLite's TOTAL).</summary>
    public static string Total(DbConnection connection, string expression) => IsPostgreSql(connection)
        ? $"CAST(COALESCE(SUM({expression}), 0) AS double precision)"
        : $"TOTAL({expression})";

    /// <summary>How many rows a condition holds for, as a 32-bit count.</summary>
    public static string CountWhere(string condition) => $"CAST(COALESCE(SUM(CASE WHEN {condition} THEN 1 ELSE 0 END), 0) AS integer)";

    /// <summary>COUNT(*) as a 32-bit integer on both (PostgreSQL's is a bigint).</summary>
    public const string Count = "CAST(COUNT(*) AS integer)";

    /// <summary>The ids of a JSON array of numbers (a parameter or a literal), as a one-column query.</summary>
    public static string IdsOfJson(DbConnection connection, string json) => IsPostgreSql(connection)
        ? $"SELECT CAST(value AS integer) FROM json_array_elements_text(CAST({json} AS json))"
        : $"SELECT value FROM json_each({json})";

    /// <summary>Whether a table of this name exists (1 or 0, or true or false).</summary>
    public static string TableExists(DbConnection connection, string table) => IsPostgreSql(connection)
        ? $"SELECT to_regclass('\"{table}\"') IS NOT NULL"
        : $"SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '{table}')";
}
