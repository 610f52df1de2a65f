using Npgsql;

namespace AiDeals.Cli;

/// <summary>What the command line asks a PostgreSQL database before it migrates it: the twin of DatabaseFile's checks of a SQLite file.</summary>
internal static class CliPostgreSql
{
    /// <summary>The database and its server, for messages (never the password).</summary>
    public static string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"PostgreSQL database {builder.Database} on {builder.Host}:{builder.Port}";
    }

    /// <summary>Whether the database exists and holds EF's migrations table (an AiDeals database, even if of no migration yet).</summary>
    public static bool HasMigrationsTable(string connectionString)
    {
        try
        {
            using var connection = new NpgsqlConnection(connectionString);
            connection.Open();
            using var command = new NpgsqlCommand("SELECT to_regclass('\"__EFMigrationsHistory\"') IS NOT NULL", connection);
            return (bool)command.ExecuteScalar()!;
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            // No such database yet: migrate creates it (given the right to), as it creates a SQLite file.
            return false;
        }
        catch (NpgsqlException exception)
        {
            throw CliFailure.Database($"Cannot reach {Describe(connectionString)}: {exception.Message}");
        }
    }

    /// <summary>The migrations the database records as applied, oldest first.</summary>
    public static async Task<IReadOnlyList<string>> AppliedMigrationsAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY \"MigrationId\"", connection);
        var applied = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            applied.Add(reader.GetString(0));
        }

        return applied;
    }
}
