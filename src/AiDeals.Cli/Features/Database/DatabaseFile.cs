using System.Globalization;
using Microsoft.Data.Sqlite;

namespace AiDeals.Cli.Features.Database;

/// <summary>
/// What the commands that copy whole databases ask of a file before and after: is it sound, is it an AiDeals
/// database, which migrations made it, and how many rows it holds. Each question opens its own unpooled connection, so
/// no handle stays open on the file afterwards.
/// </summary>
internal static class DatabaseFile
{
    /// <summary>The tables whose counts the commands print, in the order people read them.</summary>
    public static readonly string[] CountedTables = ["Deals", "Organizations", "Valuations", "MarketEvents", "Sources", "AuditEntries", "AspNetUsers"];

    public static SqliteConnection Open(string path, SqliteOpenMode mode = SqliteOpenMode.ReadOnly)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>SQLite's own check of the whole file: null when it is sound, else its first complaint.</summary>
    public static string? IntegrityProblem(string path)
    {
        try
        {
            using var connection = Open(path);
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check;";
            var first = Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture);
            return first == "ok" ? null : first ?? "no answer";
        }
        catch (SqliteException exception)
        {
            // "file is not a database", "database disk image is malformed": the file is no sound SQLite database.
            return exception.Message.TrimEnd('.');
        }
    }

    /// <summary>
    /// The migrations recorded in the file, oldest first: none for a file without tables (an empty file is a new
    /// database), null for a database of something else (tables, but not AiDeals').
    /// </summary>
    public static IReadOnlyList<string>? AppliedMigrations(string path)
    {
        using var connection = Open(path);
        using var tables = connection.CreateCommand();
        tables.CommandText = "SELECT COUNT(*), COUNT(CASE WHEN name IN ('__EFMigrationsHistory', 'Deals') THEN 1 END) FROM sqlite_master WHERE type = 'table';";
        using (var counts = tables.ExecuteReader())
        {
            counts.Read();
            if (counts.GetInt64(0) == 0)
            {
                return [];
            }

            if (counts.GetInt64(1) < 2)
            {
                return null;
            }
        }

        using var command = connection.CreateCommand();
        command.CommandText = "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId;";
        using var reader = command.ExecuteReader();
        var migrations = new List<string>();
        while (reader.Read())
        {
            migrations.Add(reader.GetString(0));
        }

        return migrations;
    }

    /// <summary>Rows per table of <see cref="CountedTables"/> (deleted rows included: they are data too).</summary>
    public static IReadOnlyDictionary<string, long> Counts(string path)
    {
        using var connection = Open(path);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in CountedTables)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM \"{table}\";";
            counts[table] = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        return counts;
    }

    /// <summary>"1,000 deals, 50 organizations, …" for a line of output.</summary>
    public static string Describe(IReadOnlyDictionary<string, long> counts) =>
        string.Join(", ", counts.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Value:N0} {Noun(c.Key)}")));

    public static string Size(string path)
    {
        var bytes = new FileInfo(path).Length;
        return bytes >= 1 << 20
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1 << 20):0.0} MB")
            : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KB");
    }

    private static string Noun(string table) => table switch
    {
        "MarketEvents" => "market events",
        "AuditEntries" => "audit entries",
        "AspNetUsers" => "accounts",
        _ => table.ToLowerInvariant(),
    };
}
