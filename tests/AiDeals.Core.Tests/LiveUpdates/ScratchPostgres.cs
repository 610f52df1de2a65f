using AiDeals.Tests.Shared;
using Npgsql;

namespace AiDeals.Core.Tests.LiveUpdates;

/// <summary>
/// An empty PostgreSQL database of its own for one test (NOTIFY reaches every listener of a database), on the tests'
/// server (<see cref="PostgresServer"/>: AIDEALS_TEST_POSTGRES, else a throw-away cluster), dropped afterwards. These
/// tests need PostgreSQL whichever provider the run tests: a missing server fails them.
/// </summary>
internal sealed class ScratchPostgres : IAsyncDisposable
{
    private ScratchPostgres(string name)
    {
        Name = name;
        ConnectionString = PostgresServer.Database(name);
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<ScratchPostgres> CreateAsync()
    {
        var database = new ScratchPostgres(PostgresServer.NewName("aideals_relay"));
        await PostgresServer.CreateDatabaseAsync(database.Name);
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

    public async ValueTask DisposeAsync() => await PostgresServer.DropDatabaseAsync(Name);
}
