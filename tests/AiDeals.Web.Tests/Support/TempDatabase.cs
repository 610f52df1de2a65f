using System.Data.Common;
using AiDeals.Core.Data;
using AiDeals.Tests.Shared;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace AiDeals.Web.Tests.Support;

/// <summary>
/// A database of its own, deleted afterwards: a SQLite file in the temp folder, or with
/// <c>AIDEALS_TEST_PROVIDER=PostgreSql</c> a database on the tests' PostgreSQL server (<see cref="PostgresServer"/>).
/// A new one does not exist yet: the app (or a fixture's initializer) creates it, or <see cref="CreateFromAsync"/> copies
/// a template into it.
/// </summary>
internal sealed class TempDatabase
{
    public TempDatabase()
    {
        if (OnPostgreSql)
        {
            FilePath = PostgresServer.NewName("aideals_web");
            ConnectionString = PostgresServer.Database(FilePath);
            return;
        }

        FilePath = Path.Combine(Path.GetTempPath(), $"aideals-test-{Guid.NewGuid():N}.db");
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = FilePath }.ToString();
    }

    /// <summary>Whether this run is on PostgreSQL (<c>AIDEALS_TEST_PROVIDER</c>).</summary>
    public static bool OnPostgreSql => PostgresServer.Selected;

    /// <summary>The SQLite file, or on PostgreSQL the database's name.</summary>
    public string FilePath { get; }

    public string ConnectionString { get; }

    /// <summary>The engine and connection string, as <c>AddAiDealsCore</c> and the app's configuration take them.</summary>
    public DatabaseSettings Settings => new(OnPostgreSql ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite, ConnectionString);

    /// <summary>Makes the database a copy of a template (<see cref="DatabaseTemplates"/>), which no session may be using.</summary>
    public Task CreateFromAsync(string template)
    {
        if (OnPostgreSql)
        {
            return PostgresServer.CreateDatabaseAsync(FilePath, template);
        }

        File.Copy(template, FilePath);
        return Task.CompletedTask;
    }

    /// <summary>Whether the database is there: the file, or a database of this name on the server.</summary>
    public bool Exists()
    {
        if (!OnPostgreSql)
        {
            return File.Exists(FilePath);
        }

        using var connection = new NpgsqlConnection(PostgresServer.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT COUNT(*) FROM pg_database WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", FilePath);
        return (long)command.ExecuteScalar()! == 1;
    }

    /// <summary>
    /// An open connection of this run's engine, for a test's raw SQL (rows written as another writer would, a
    /// fingerprint of the tables); SQL in it must be portable or chosen by <see cref="OnPostgreSql"/>.
    /// </summary>
    public DbConnection Open(bool readOnly = false)
    {
        DbConnection connection = OnPostgreSql
            ? new NpgsqlConnection(ConnectionString)
            : new SqliteConnection(new SqliteConnectionStringBuilder(ConnectionString)
            {
                Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
                Pooling = !readOnly,
                DefaultTimeout = 30,
            }.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>
    /// Deletes the database: the file with its WAL and shared-memory files, or the PostgreSQL database (closing the
    /// sessions still on it).
    /// </summary>
    public async Task DeleteAsync()
    {
        if (OnPostgreSql)
        {
            await PostgresServer.DropDatabaseAsync(FilePath);
            return;
        }

        // Pooled connections keep the file open; release them before deleting it.
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { FilePath, FilePath + "-wal", FilePath + "-shm" })
        {
            File.Delete(file);
        }
    }
}
