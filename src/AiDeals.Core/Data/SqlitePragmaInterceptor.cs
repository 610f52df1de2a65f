using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AiDeals.Core.Data;

/// <summary>
/// Sets a busy timeout on every SQLite connection, so concurrent writers wait for the lock instead of failing, and reads
/// the file through a memory mapping: a page already in the operating system's cache is read in place instead of copied
/// by a system call into the connection's own cache (the CSV export of a million deals, which reads investors and sources
/// by deal at random, took 51 s of processor time without it and 32 s with it).
/// </summary>
public sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    public const int BusyTimeoutMilliseconds = 5000;

    /// <summary>The most SQLite maps by default builds (2 GB less 64 KB): a larger database maps its first 2 GB.</summary>
    public const long MemoryMappedBytes = 2_147_418_112;

    private static readonly string Pragmas = string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA synchronous = NORMAL; PRAGMA mmap_size = {MemoryMappedBytes};");

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
