using Microsoft.Data.Sqlite;

namespace AiDeals.Web.Tests.Support;

/// <summary>A SQLite file of its own in the temp folder, deleted with its WAL files afterwards.</summary>
internal sealed class TempDatabase
{
    public TempDatabase()
    {
        FilePath = Path.Combine(Path.GetTempPath(), $"aideals-test-{Guid.NewGuid():N}.db");
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = FilePath }.ToString();
    }

    public string FilePath { get; }

    public string ConnectionString { get; }

    /// <summary>Deletes the database file and its WAL and shared-memory files.</summary>
    public void Delete()
    {
        // Pooled connections keep the file open; release them before deleting it.
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { FilePath, FilePath + "-wal", FilePath + "-shm" })
        {
            File.Delete(file);
        }
    }
}
