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
/// The database a command works on, opened the one way every command shares: <c>--database</c>, else the app's
/// configuration key <c>ConnectionStrings:AiDeals</c> (<c>ConnectionStrings__AiDeals</c> in the environment), else the
/// app's default file, relative to the current folder. The services are the app's own (<c>AddAiDealsCore</c>).
/// </summary>
internal sealed class CliDatabase : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private CliDatabase(string connectionString, bool existed)
    {
        ConnectionString = connectionString;
        Existed = existed;
        var services = new ServiceCollection().AddLogging().AddAiDealsCore(connectionString);
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

    public string ConnectionString { get; }

    /// <summary>The file, for messages.</summary>
    public string DataSource => new SqliteConnectionStringBuilder(ConnectionString).DataSource;

    /// <summary>Whether the database file was there before this command opened it.</summary>
    public bool Existed { get; }

    public IServiceProvider Services => _services;

    /// <summary>The database of this command line; its folder is created, the file is not (migrating creates it).</summary>
    public static CliDatabase Open(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var file = parseResult.GetValue(Option);
        var configured = file is not null
            ? new SqliteConnectionStringBuilder { DataSource = file.FullName }.ToString()
            : new ConfigurationBuilder().AddEnvironmentVariables().Build().GetConnectionString(DatabaseLocation.ConnectionStringName);
        var connectionString = DatabaseLocation.ResolveConnectionString(configured, Environment.CurrentDirectory);
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        return new CliDatabase(connectionString, File.Exists(dataSource));
    }

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

        var applied = File.Exists(DataSource) ? DatabaseFile.AppliedMigrations(DataSource) : [];
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
