using System.CommandLine;
using AiDeals.Core.Data;
using Microsoft.Data.Sqlite;
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
        _services = new ServiceCollection().AddLogging().AddAiDealsCore(connectionString).BuildServiceProvider();
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

    /// <summary>Brings the database to the app's current schema with the app's migrations, creating the file when there is none.</summary>
    public Task MigrateAsync(CancellationToken cancellationToken) =>
        _services.GetRequiredService<DatabaseInitializer>().InitializeAsync(dealBookPath: null, cancellationToken);

    public ValueTask DisposeAsync()
    {
        // The pool would keep the file open (and on some systems locked) after the command ends.
        SqliteConnection.ClearAllPools();
        return _services.DisposeAsync();
    }
}
