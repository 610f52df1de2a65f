using System.CommandLine;
using AiDeals.Core.Data;
using AiDeals.Core.Features.Accounts;
using AiDeals.Cli.Features.Database;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AiDeals.Cli;

/// <summary>
/// The database a command works on, opened the one way every command shares: <c>--database</c> (a SQLite file), else
/// the app's configuration keys <c>Database:Provider</c> and <c>ConnectionStrings:AiDeals</c> (<c>Database__Provider</c>
/// and <c>ConnectionStrings__AiDeals</c> in the environment, read by <see cref="DatabaseLocation.Resolve"/> as the app
/// reads them), else the app's default file, relative to the current folder. The services are the app's own
/// (<c>AddAiDealsCore</c>).
/// </summary>
internal sealed class CliDatabase : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private CliDatabase(DatabaseSettings settings, bool existed)
    {
        Settings = settings;
        Existed = existed;
        var services = new ServiceCollection().AddLogging().AddAiDealsCore(settings);
        services.AddAiDealsAccounts();
        _services = services.BuildServiceProvider();
    }

    /// <summary>The SQLite file to use instead of the configured database.</summary>
    public static Option<FileInfo> Option { get; } = new("--database")
    {
        Description = "The SQLite database file (default: ConnectionStrings__AiDeals, else App_Data/aideals.db).",
        HelpName = "path",
        Recursive = true,
    };

    /// <summary>The engine and its connection string.</summary>
    public DatabaseSettings Settings { get; }

    /// <summary>The engine, instead of the configured <c>Database:Provider</c>.</summary>
    public static Option<string> ProviderOption { get; } = new("--provider")
    {
        Description = "The database engine, Sqlite or PostgreSql (default: Database__Provider, else Sqlite).",
        HelpName = "engine",
        Recursive = true,
    };

    /// <summary>The connection string, instead of the configured <c>ConnectionStrings:AiDeals</c>.</summary>
    public static Option<string> ConnectionOption { get; } = new("--connection")
    {
        Description = "The connection string (default: ConnectionStrings__AiDeals); with --provider PostgreSql, e.g. \"Host=…;Database=aideals;Username=…\".",
        HelpName = "string",
        Recursive = true,
    };

    public string ConnectionString => Settings.ConnectionString;

    /// <summary>The file, or the PostgreSQL database and its server, for messages.</summary>
    public string DataSource => Settings.IsPostgreSql
        ? CliPostgreSql.Describe(ConnectionString)
        : new SqliteConnectionStringBuilder(ConnectionString).DataSource;

    /// <summary>Whether the database was there before this command opened it (on PostgreSQL: with AiDeals' migrations table).</summary>
    public bool Existed { get; }

    public IServiceProvider Services => _services;

    /// <summary>The database of this command line; its folder is created, the file is not (migrating creates it).</summary>
    public static CliDatabase Open(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var file = parseResult.GetValue(Option);
        DatabaseSettings settings;
        if (file is not null)
        {
            settings = new(DatabaseProvider.Sqlite, DatabaseLocation.ResolveConnectionString(
                new SqliteConnectionStringBuilder { DataSource = file.FullName }.ToString(), Environment.CurrentDirectory));
        }
        else
        {
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
            try
            {
                settings = DatabaseLocation.Resolve(
                    parseResult.GetValue(ProviderOption) ?? configuration[DatabaseLocation.ProviderKey],
                    parseResult.GetValue(ConnectionOption) ?? configuration.GetConnectionString(DatabaseLocation.ConnectionStringName),
                    Environment.CurrentDirectory);
            }
            catch (InvalidOperationException exception)
            {
                throw CliFailure.Database(exception.Message);
            }
        }

        var existed = settings.IsPostgreSql
            ? CliPostgreSql.HasMigrationsTable(settings.ConnectionString)
            : File.Exists(new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource);
        return new CliDatabase(settings, existed);
    }

    /// <summary>
    /// Stops a command that works on the database file itself (backup, restore) when the database is PostgreSQL's, saying
    /// which of PostgreSQL's own tools does it there.
    /// </summary>
    public void RequireFile(string command, string instead)
    {
        if (Settings.IsPostgreSql)
        {
            throw CliFailure.Database(
                $"'{command}' copies a SQLite file; the configured database is PostgreSQL's ({DataSource}): use {instead} (see the README, \"Run it for a team\").");
        }
    }

    /// <summary>
    /// Tells the app's running instances on the same PostgreSQL database that this command changed data, so that their
    /// open pages refresh (the same NOTIFY an instance sends after a save). On SQLite there is nothing to tell: each app
    /// process refreshes from its own saves only.
    /// </summary>
    public Task AnnounceChangeAsync(CancellationToken cancellationToken) => Settings.IsPostgreSql
        ? Core.Data.LiveUpdates.PostgresChangeRelay.AnnounceAsync(ConnectionString, DataChange.Anything(DateTime.UtcNow), cancellationToken)
        : Task.CompletedTask;

    /// <summary>Stops a command that reads or changes a database when there is none, rather than creating an empty one.</summary>
    public void RequireExisting()
    {
        if (!Existed)
        {
            throw CliFailure.Database($"There is no database at {DataSource}: create one with 'aideals migrate' (or name it with --database).");
        }
    }

    /// <summary>
    /// Brings the database to the app's current schema with the app's migrations, creating the file when there is none,
    /// and says which migrations it applied. A file of another program, or one a newer AiDeals migrated further than this
    /// one knows, is refused untouched (<see cref="ExitCodes.Database"/>).
    /// </summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<string> known;
        await using (var db = await _services.GetRequiredService<IDbContextFactory<AiDealsDbContext>>().CreateDbContextAsync(cancellationToken))
        {
            known = db.Database.GetMigrations().ToList();
        }

        var applied = Settings.IsPostgreSql
            ? (Existed ? await CliPostgreSql.AppliedMigrationsAsync(ConnectionString, cancellationToken) : [])
            : File.Exists(DataSource) ? DatabaseFile.AppliedMigrations(DataSource) : [];
        if (applied is null)
        {
            throw CliFailure.Database($"{DataSource} is a SQLite database of something else (it has no AiDeals tables): it was left untouched.");
        }

        if (applied.Except(known, StringComparer.Ordinal).FirstOrDefault() is { } unknown)
        {
            throw CliFailure.Database($"{DataSource} was migrated by a newer AiDeals (migration {unknown} is unknown to this one): it was left untouched.");
        }

        await _services.GetRequiredService<DatabaseInitializer>().InitializeAsync(dealBookPath: null, cancellationToken);
        return known.Except(applied, StringComparer.Ordinal).ToList();
    }

    public ValueTask DisposeAsync()
    {
        // The pool would keep the file open (and on some systems locked) after the command ends.
        SqliteConnection.ClearAllPools();
        return _services.DisposeAsync();
    }
}
