using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AiDeals.Web.Tests.Support;

/// <summary>
/// The whole app in memory on a database of its own (a SQLite file, or on a run on PostgreSQL a database on the tests'
/// server, <see cref="TempDatabase"/>), started by Program as in production (migrations and the deal book shipped in the
/// output folder; on PostgreSQL from a copy of what that start makes, <see cref="DatabaseTemplates"/>), with its log
/// files in a temp folder instead of the source tree.
/// </summary>
public class AiDealsWebFactory : WebApplicationFactory<Program>
{
    private readonly TempDatabase _database;
    private readonly bool _ownsDatabase;
    private readonly string _logFolder = Path.Combine(Path.GetTempPath(), $"aideals-test-logs-{Guid.NewGuid():N}");

    public AiDealsWebFactory()
        : this(new TempDatabase(), ownsDatabase: true)
    {
    }

    /// <summary>The app on a database the test owns and deletes (a second host opening what a first one wrote).</summary>
    private protected AiDealsWebFactory(TempDatabase database, bool ownsDatabase = false)
    {
        _database = database;
        _ownsDatabase = ownsDatabase;
    }

    /// <summary>The app's database: its SQLite file or PostgreSQL database, a raw connection to it, its deletion.</summary>
    internal TempDatabase Database => _database;

    public string DatabasePath => _database.FilePath;

    /// <summary>Where the app's rolling JSON log files go for this factory.</summary>
    public string LogFolder => _logFolder;

    /// <summary>
    /// <c>Auth:AllowAnonymousRead</c>, set explicitly rather than inherited from appsettings.Development.json: most tests
    /// read pages as an anonymous visitor; the account tests turn it off to check that every page then needs a login.
    /// </summary>
    protected virtual bool AllowAnonymousRead => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // UseSetting, not ConfigureAppConfiguration: Program reads builder.Configuration before Build(), and only
        // settings passed this way reach WebApplication.CreateBuilder in the minimal hosting model.
        if (TempDatabase.OnPostgreSql && !_database.Exists())
        {
            // What the app's first start on a new database makes (the migrations, the deal book), made once and copied;
            // the app then applies nothing and seeds its accounts and first key as on any start.
            Task.Run(async () => await _database.CreateFromAsync(await DatabaseTemplates.For(SeedData.DealBookPath))).GetAwaiter().GetResult();
        }

        builder.UseSetting("Database:Provider", _database.Settings.Provider.ToString());
        builder.UseSetting("ConnectionStrings:AiDeals", _database.ConnectionString);
        builder.UseSetting("Logs:Folder", _logFolder);
        builder.UseSetting("Auth:AllowAnonymousRead", AllowAnonymousRead ? "true" : "false");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase)
        {
            await _database.DeleteAsync();
        }

        if (Directory.Exists(_logFolder))
        {
            Directory.Delete(_logFolder, recursive: true);
        }

        GC.SuppressFinalize(this);
    }
}
