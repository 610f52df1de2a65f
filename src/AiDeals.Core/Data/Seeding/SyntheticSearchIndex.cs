using AiDeals.Core.Data.Search;
using Microsoft.Data.Sqlite;

namespace AiDeals.Core.Data.Seeding;

/// <summary>
/// The free-text index of a run, built on a second connection while the first builds the B-tree indexes, so that the two
/// take a core each instead of one after the other (measured on a million deals: the indexes 27 s, the search index 10 s,
/// one core each). One file takes one writer at a time, so the second connection writes into a file of its own beside
/// the database, reading the committed rows through the write-ahead log; its FTS5 table is its shadow tables, ordinary
/// tables, whose rows are then copied into the database's own in one transaction and the file deleted.
/// </summary>
/// <remarks>
/// Built the same way as in place (<see cref="DealSearchSql.RebuildInBulk"/>, on the database's own definition of the
/// table), so the copy holds every deal's entry as a rebuild in place would. A database that is not a file in WAL mode
/// (in memory, or a rollback journal, where a reader would hold the writer back) has its index rebuilt in place instead.
/// </remarks>
internal sealed class SyntheticSearchIndex
{
    private readonly string? _asidePath;
    private readonly Task? _build;

    private SyntheticSearchIndex(string? asidePath, Task? build)
    {
        _asidePath = asidePath;
        _build = build;
    }

    /// <summary>Starts the build beside the database, on a thread of its own, when the database allows it; in place at <see cref="Finish"/> otherwise.</summary>
    public static SyntheticSearchIndex Start(SqliteConnection connection)
    {
        var database = connection.DataSource;
        if (string.IsNullOrEmpty(database) || !File.Exists(database) || !IsWal(connection))
        {
            return new SyntheticSearchIndex(null, null);
        }

        var aside = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(database))!, $".{Path.GetFileName(database)}.search-{Guid.NewGuid():N}.tmp");
        var definition = Scalar(connection, $"SELECT sql FROM sqlite_master WHERE type = 'table' AND name = '{DealSearchSql.Table}'");
        // Not cancellable, as the indexes are not: a run stopped half-way keeps its rows, and the app needs their entries.
        var build = Task.Factory.StartNew(() => BuildAside(database, aside, definition),
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        return new SyntheticSearchIndex(aside, build);
    }

    /// <summary>Waits for the build beside the database and copies its entries in (or rebuilds in place), then deletes the file beside it.</summary>
    public void Finish(SqliteConnection connection)
    {
        if (_build is null)
        {
            RebuildInPlace(connection);
            return;
        }

        try
        {
            _build.GetAwaiter().GetResult();
            CopyIn(connection, _asidePath!);
        }
        finally
        {
            _build.ContinueWith(_ => File.Delete(_asidePath!), TaskScheduler.Default).Wait();
        }
    }

    private static void BuildAside(string database, string aside, string definition)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = aside, Pooling = false };
        using var connection = new SqliteConnection(connectionString.ToString());
        connection.Open();
        // A scratch file: no journal, no fsync; the database's tables are read through the attached file.
        connection.Execute(null, "PRAGMA busy_timeout = 5000; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY;");
        using (var attach = connection.CreateCommand())
        {
            attach.CommandText = "ATTACH DATABASE $database AS source;";
            attach.Parameters.AddWithValue("$database", database);
            attach.ExecuteNonQuery();
        }

        // Deferred: an immediate transaction takes the write lock of every attached file, the database's too, and the
        // indexes' transaction would wait for this one (or this one for it). Deferred, it writes only to the file aside
        // and reads the database's committed rows as a reader does.
        using var transaction = connection.BeginTransaction(deferred: true);
        connection.Execute(transaction, definition.Replace("CREATE VIRTUAL TABLE ", "CREATE VIRTUAL TABLE main.", StringComparison.Ordinal) + ";");
        connection.Execute(transaction, DealSearchSql.RebuildInBulk);
        transaction.Commit();
    }

    private static void CopyIn(SqliteConnection connection, string aside)
    {
        using (var attach = connection.CreateCommand())
        {
            attach.CommandText = "ATTACH DATABASE $aside AS search;";
            attach.Parameters.AddWithValue("$aside", aside);
            attach.ExecuteNonQuery();
        }

        try
        {
            using var transaction = connection.BeginTransaction();
            var shadows = new List<string>();
            using (var read = connection.CreateCommand())
            {
                read.Transaction = transaction;
                read.CommandText = $"SELECT name FROM search.sqlite_master WHERE type = 'table' AND name LIKE '{DealSearchSql.Table}\\_%' ESCAPE '\\'";
                using var reader = read.ExecuteReader();
                while (reader.Read())
                {
                    shadows.Add(reader.GetString(0));
                }
            }

            foreach (var shadow in shadows)
            {
                connection.Execute(transaction, $"DELETE FROM main.\"{shadow}\"; INSERT INTO main.\"{shadow}\" SELECT * FROM search.\"{shadow}\";");
            }

            transaction.Commit();
        }
        finally
        {
            connection.Execute(null, "DETACH DATABASE search;");
        }
    }

    private static void RebuildInPlace(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction();
        connection.Execute(transaction, DealSearchSql.RebuildInBulk);
        transaction.Commit();
    }

    private static bool IsWal(SqliteConnection connection) =>
        string.Equals(Scalar(connection, "PRAGMA journal_mode;"), "wal", StringComparison.OrdinalIgnoreCase);

    private static string Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }
}
