using System.Data.Common;
using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AiDeals.Core.Features.History;

/// <summary>
/// The whole database as it stood at a past moment, for the pages that read many rows (the dashboard, the deal list).
/// Inside one transaction that is never committed, every audited change made since the moment is undone on the real
/// tables (<see cref="AuditRewind"/>'s rule) and the audit entries written since are removed, so the database's own
/// triggers bring the kept counts, sort keys and search index back to that moment too, and today's queries read it
/// unchanged through <see cref="CreateDbContext"/>. Disposing rolls everything back: nothing of it is ever saved.
/// While it is open it holds SQLite's write lock and other saves wait, so a moment with more than
/// <see cref="MaxChanges"/> changes since it is refused (<see cref="TooManyChangesException"/>) rather than making
/// them wait past their timeout. On PostgreSQL the transaction is REPEATABLE READ (one snapshot for the reading of the
/// changes and their undoing); other saves wait only for the rows it rewrote (the kept counts among them), as long.
/// </summary>
public sealed class PastDatabase : IDbContextFactory<AiDealsDbContext>, IAsyncDisposable
{
    /// <summary>
    /// The most audited changes undone for one view. Undoing costs about 1.4 ms a change on the 1M-deal database on two
    /// busy cores (docs/performance.md), and other saves wait for it at most the busy timeout (5 s).
    /// </summary>
    public const int MaxChanges = 2_500;

    // The records the dashboard and the lists read; accounts, saved views and watchlists have no past worth showing.
    private static readonly string[] Rewound =
    [
        nameof(Deal), nameof(DealParticipant), nameof(DealLink), nameof(Organization), nameof(OrganizationAlias), nameof(Source),
        nameof(Citation), nameof(Valuation), nameof(MarketEvent),
    ];

    private readonly DbConnection _connection;
    private readonly DbContextOptions<AiDealsDbContext> _options;
    private DbTransaction? _transaction;

    private PastDatabase(DbConnection connection)
    {
        _connection = connection;
        // No audit interceptor: these saves are the undoing of audited ones, and they are never committed.
        var options = new DbContextOptionsBuilder<AiDealsDbContext>();
        _options = (connection is NpgsqlConnection
            ? options.UseNpgsql(connection)
            : options.UseModel(Data.CompiledModel.AiDealsDbContextModel.Instance).UseSqlite(connection)).Options;
    }

    /// <summary>The moment this database stands at.</summary>
    public DateTime AtUtc { get; private init; }

    /// <summary>How many audited changes were undone to reach the moment.</summary>
    public int ChangesUndone { get; private set; }

    /// <summary>The database as it stood at <paramref name="atUtc"/>; dispose it to let go of the write lock.</summary>
    public static async Task<PastDatabase> OpenAsync(
        IDbContextFactory<AiDealsDbContext> contexts, DateTime atUtc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        DbConnection connection;
        await using (var probe = await contexts.CreateDbContextAsync(cancellationToken))
        {
            // A connection of its own, on the app's database and engine (a clone keeps the password Npgsql hides).
            connection = probe.Database.GetDbConnection() is NpgsqlConnection npgsql
                ? npgsql.CloneWith(npgsql.ConnectionString)
                : new SqliteConnection(probe.Database.GetConnectionString()
                    ?? throw new InvalidOperationException("The database has no connection string."));
        }

        var past = new PastDatabase(connection) { AtUtc = atUtc };
        try
        {
            await past.RewindAsync(cancellationToken);
            return past;
        }
        catch
        {
            await past.DisposeAsync();
            throw;
        }
    }

    /// <summary>A context on the past database (reads only: a save would be rolled back with the rest).</summary>
    public AiDealsDbContext CreateDbContext()
    {
        var db = new AiDealsDbContext(_options);
        db.Database.UseTransaction(_transaction);
        return db;
    }

    public async ValueTask DisposeAsync()
    {
        if (_transaction is not null)
        {
            await _transaction.RollbackAsync();
            await _transaction.DisposeAsync();
            _transaction = null;
        }

        await _connection.DisposeAsync();
    }

    private async Task RewindAsync(CancellationToken cancellationToken)
    {
        await _connection.OpenAsync(cancellationToken);
        var onPostgreSql = _connection is NpgsqlConnection;
        if (!onPostgreSql)
        {
            await ExecuteAsync($"PRAGMA busy_timeout = {SqlitePragmaInterceptor.BusyTimeoutMilliseconds};", cancellationToken);
        }

        // SQLite: deferred would let a save slip in between reading the changes and undoing them, so take the write lock
        // first. PostgreSQL: one snapshot for the whole rewind; a row a save holds is waited for as SQLite's lock is.
        _transaction = await _connection.BeginTransactionAsync(
            onPostgreSql ? System.Data.IsolationLevel.RepeatableRead : System.Data.IsolationLevel.Serializable, cancellationToken);
        if (onPostgreSql)
        {
            await ExecuteAsync($"SET LOCAL lock_timeout = {SqlitePragmaInterceptor.BusyTimeoutMilliseconds};", cancellationToken);
        }

        await using var db = CreateDbContext();
        var since = db.AuditEntries.Where(a => a.AtUtc > AtUtc);
        var count = await since.CountAsync(a => Rewound.Contains(a.EntityType), cancellationToken);
        if (count > MaxChanges)
        {
            throw new TooManyChangesException(count);
        }

        var entries = await since.AsNoTracking()
            .Where(a => Rewound.Contains(a.EntityType))
            .OrderByDescending(a => a.Id)
            .Select(a => new AuditRewind.Entry(a.EntityType, a.EntityId, a.Action, a.Changes))
            .ToListAsync(cancellationToken);
        await AuditRewind.UndoTrackedAsync(db, entries, AtUtc, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        // The wider deals' kept rests are counted again at a commit, which never comes here: count the noted ones now.
        await Deals.UnionRests.KeepAsync(_connection, _transaction, cancellationToken);
        await since.ExecuteDeleteAsync(cancellationToken);
        ChangesUndone = entries.Count;
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = _transaction;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>Too much changed since the day asked for to rebuild it while other saves wait.</summary>
public sealed class TooManyChangesException(int changes)
    : Exception(string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"{changes:N0} changes were saved since that day, more than the {PastDatabase.MaxChanges:N0} a view rebuilds: pick a later day."))
{
    public int Changes { get; } = changes;
}
