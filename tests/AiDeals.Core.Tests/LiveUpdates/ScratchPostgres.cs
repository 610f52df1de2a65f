using Npgsql;

namespace AiDeals.Core.Tests.LiveUpdates;

/// <summary>An empty PostgreSQL database of its own for one test (NOTIFY reaches every listener of a database), dropped afterwards.</summary>
internal sealed class ScratchPostgres : IAsyncDisposable
{
    public const string Variable = "AIDEALS_TEST_POSTGRES";

    private readonly string _admin;

    private ScratchPostgres(string admin, string name)
    {
        _admin = admin;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<ScratchPostgres> CreateAsync()
    {
        // A missing server is a failure to fix, never a skipped test.
        var admin = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{Variable} is not set: give it the connection string of a PostgreSQL user allowed to CREATE DATABASE.");
        var database = new ScratchPostgres(admin, "aideals_test_" + Guid.NewGuid().ToString("N")[..16]);
        await database.AdminAsync($"CREATE DATABASE {database.Name}");
        return database;
    }

    /// <summary>Runs <paramref name="sql"/> on the scratch database, on a connection of its own.</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync() => await AdminAsync($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");

    private async Task AdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_admin) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
