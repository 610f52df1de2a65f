using System.Data.Common;
using AiDeals.Core.Data;
using AiDeals.Core.Data.Seeding;
using AiDeals.Core.Domain;
using AiDeals.Core.Features.Deals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging;

namespace AiDeals.Core.Tests.Support;

/// <summary>
/// A database of synthetic deals for one test class, and the same deals loaded into memory, so that a test can
/// compare what SQL returns with what LINQ to objects computes over the very same rows.
/// </summary>
public sealed class SyntheticDeals : IAsyncLifetime
{
    public const int Seed = 42;
    public const int OrganizationCount = 300;
    public const int DealCount = 2_000;

    private TestDatabase? _database;

    internal TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialized yet.");

    /// <summary>Every deal with its participants (and their organizations), target and citations (and their sources).</summary>
    public IReadOnlyList<Deal> Deals { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await new SyntheticDataGenerator(_database.Contexts).GenerateAsync(OrganizationCount, DealCount, Seed, TestContext.Current.CancellationToken);

        // A few real-looking source URLs, shared by several deals, for the export's source column.
        await using var db = await _database.CreateContextAsync();
        var sources = Enumerable.Range(1, 3)
            .Select(i => new Source { Title = $"Source {i}", Url = $"https://news.example/deal-report-{i}", PublishedOn = new DateOnly(2024, i, 1) })
            .ToList();
        db.Sources.AddRange(sources);
        var cited = await db.Deals.Where(d => d.Id % 7 == 0).ToListAsync(TestContext.Current.CancellationToken);
        foreach (var deal in cited)
        {
            deal.Citations.Add(new Citation { Source = sources[deal.Id % 3], Quote = "Quoted." });
            if (deal.Id % 2 == 0)
            {
                deal.Citations.Add(new Citation { Source = sources[(deal.Id + 1) % 3], Quote = "Quoted again." });
            }
        }

        await db.SaveChangesAsync(TestContext.Current.CancellationToken);

        Deals = await db.Deals.AsNoTracking()
            .Include(d => d.Participants).ThenInclude(p => p.Organization)
            .Include(d => d.Target)
            .Include(d => d.Citations).ThenInclude(c => c.Source)
            .AsSplitQuery()
            .ToListAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>The deal list's queries on this database that records every SQL command it runs and every warning EF logs.</summary>
    internal RecordingDeals Record(int? exportBatchSize = null) => new(new DatabaseSettings(Database.Provider, Database.ConnectionString), exportBatchSize);
}

/// <summary>A <see cref="DealQueries"/> whose SQL commands and EF warnings are kept for the test to read.</summary>
internal sealed class RecordingDeals
{
    private readonly CommandRecorder _recorder = new();

    public RecordingDeals(DatabaseSettings database, int? exportBatchSize = null)
    {
        var options = new DbContextOptionsBuilder<AiDealsDbContext>();
        DataServiceCollectionExtensions.Configure(options, database, new AuditInterceptor(TimeProvider.System))
            .AddInterceptors(_recorder)
            .LogTo(message => Warnings.Add(message), LogLevel.Warning);
        Contexts = new PooledDbContextFactory<AiDealsDbContext>(options.Options);
        // The keyset list and its count run their SQL on the connection themselves and tell it to the recorder.
        Service = exportBatchSize is { } size
            ? new DealQueries(Contexts) { CommandObserver = _recorder.Add, ExportBatchSize = size }
            : new DealQueries(Contexts) { CommandObserver = _recorder.Add };
    }

    public IDbContextFactory<AiDealsDbContext> Contexts { get; }

    public DealQueries Service { get; }

    /// <summary>The text of the SQL commands run so far (not counting the connection's PRAGMAs).</summary>
    public IReadOnlyList<string> Commands => _recorder.Commands;

    public List<string> Warnings { get; } = [];

    public void Clear()
    {
        _recorder.Clear();
        Warnings.Clear();
    }

    private sealed class CommandRecorder : DbCommandInterceptor
    {
        private readonly List<string> _commands = [];

        public IReadOnlyList<string> Commands
        {
            get
            {
                lock (_commands)
                {
                    return [.. _commands];
                }
            }
        }

        public void Clear()
        {
            lock (_commands)
            {
                _commands.Clear();
            }
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Add(command);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Add(command);
            return result;
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Add(command);
            return ValueTask.FromResult(result);
        }

        public void Add(string commandText)
        {
            lock (_commands)
            {
                _commands.Add(commandText);
            }
        }

        private void Add(DbCommand command) => Add(command.CommandText);
    }
}
