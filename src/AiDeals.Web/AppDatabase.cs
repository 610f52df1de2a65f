using AiDeals.Core.Data;

namespace AiDeals.Web;

/// <summary>Where the app's database and deal book live, from configuration with working defaults.</summary>
internal static class AppDatabase
{
    public const string ConnectionStringName = DatabaseLocation.ConnectionStringName;

    /// <summary>
    /// <c>ConnectionStrings:AiDeals</c>; by default a SQLite file in the app's git-ignored App_Data folder, which is created.
    /// A relative data source is taken from the content root, not the current folder.
    /// </summary>
    public static string ResolveConnectionString(IConfiguration configuration, IHostEnvironment environment) =>
        DatabaseLocation.ResolveConnectionString(configuration.GetConnectionString(ConnectionStringName), environment.ContentRootPath);

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
