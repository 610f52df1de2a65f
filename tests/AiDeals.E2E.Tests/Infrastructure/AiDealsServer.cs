using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace AiDeals.E2E.Tests.Infrastructure;

/// <summary>
/// The real AiDeals app on Kestrel at a free loopback port, with its own temporary SQLite database and log folder.
/// The database is seeded from the deal book shipped in the app's output, as on a first <c>dotnet run</c>.
/// </summary>
public sealed class AiDealsServer : WebApplicationFactory<Program>
{
    private readonly string _workFolder = Path.Combine(Path.GetTempPath(), "aideals-e2e-" + Guid.NewGuid().ToString("N"));
    private readonly bool _seeded;

    /// <param name="seeded">False: the app starts with seeding turned off, its database migrated and empty of deals.</param>
    public AiDealsServer(bool seeded = true)
    {
        _seeded = seeded;
        Directory.CreateDirectory(_workFolder);
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>The temporary SQLite file the app uses.</summary>
    public string DatabasePath => Path.Combine(_workFolder, "aideals-e2e.db");

    /// <summary>The temporary folder for the app's rolling log files.</summary>
    public string LogFolder => Path.Combine(_workFolder, "logs");

    /// <summary>Where the server listens, e.g. <c>http://127.0.0.1:41234/</c>; set by <see cref="Start"/>.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Starts Kestrel (migrating and seeding the database) and reads the address it bound.</summary>
    public void Start()
    {
        StartServer();

        // If the settings stopped reaching Program.cs, the tests would quietly run on the developer's own database.
        if (!File.Exists(DatabasePath))
        {
            throw new InvalidOperationException($"The app did not create its database at {DatabasePath}: the test settings did not reach it.");
        }

        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        var address = addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel started without a bound address.");
        BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // UseSetting, not ConfigureAppConfiguration: Program.cs reads these before it builds the app,
        // and only host settings reach WebApplication.CreateBuilder(args) that early.
        builder.UseSetting("ConnectionStrings:AiDeals", $"Data Source={DatabasePath}");
        builder.UseSetting("Logs:Folder", LogFolder);

        // Explicit, not inherited from appsettings.Development.json: the reading tests browse as anonymous visitors.
        // The app runs in Development, so the demo accounts (viewer, analyst, admin) exist for the account tests.
        builder.UseSetting("Auth:AllowAnonymousRead", "true");
        if (!_seeded)
        {
            builder.UseSetting("Seed:DealBook", string.Empty);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();

        // Pooled connections keep the file open; release them before deleting the database and its WAL files.
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { DatabasePath, DatabasePath + "-wal", DatabasePath + "-shm" })
        {
            File.Delete(file);
        }

        Directory.Delete(_workFolder, recursive: true);
    }
}
