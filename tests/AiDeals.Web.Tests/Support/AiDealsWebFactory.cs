using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AiDeals.Web.Tests.Support;

/// <summary>
/// The whole app in memory on a SQLite file of its own, started by Program as in production (migrations and the
/// deal book shipped in the output folder), with its log files in a temp folder instead of the source tree.
/// </summary>
public class AiDealsWebFactory : WebApplicationFactory<Program>
{
    private readonly TempDatabase _database = new();
    private readonly string _logFolder = Path.Combine(Path.GetTempPath(), $"aideals-test-logs-{Guid.NewGuid():N}");

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
        builder.UseSetting("ConnectionStrings:AiDeals", _database.ConnectionString);
        builder.UseSetting("Logs:Folder", _logFolder);
        builder.UseSetting("Auth:AllowAnonymousRead", AllowAnonymousRead ? "true" : "false");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _database.Delete();
        if (Directory.Exists(_logFolder))
        {
            Directory.Delete(_logFolder, recursive: true);
        }

        GC.SuppressFinalize(this);
    }
}
