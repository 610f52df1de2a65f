using AiDeals.Core.Data;

namespace AiDeals.Web;

/// <summary>Where the app's database and deal book live, from configuration with working defaults.</summary>
internal static class AppDatabase
{
    public const string ConnectionStringName = DatabaseLocation.ConnectionStringName;

    /// <summary>
    /// <c>Database:Provider</c> (SQLite by default, or PostgreSQL) and <c>ConnectionStrings:AiDeals</c>, read here only.
    /// </summary>
    public static DatabaseSettings Resolve(IConfiguration configuration, IHostEnvironment environment) =>
        DatabaseLocation.Resolve(
            configuration[DatabaseLocation.ProviderKey], configuration.GetConnectionString(ConnectionStringName), environment.ContentRootPath);

    /// <summary><c>Seed:DealBook</c>; by default the deal book shipped beside the app. Empty turns seeding off.</summary>
    public static string? ResolveDealBookPath(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration["Seed:DealBook"];
        if (configured is not null)
        {
            return configured.Length == 0 ? null : Path.GetFullPath(configured, environment.ContentRootPath);
        }

        return Path.Combine(AppContext.BaseDirectory, "seed-data", "dealbook.json");
    }
}
