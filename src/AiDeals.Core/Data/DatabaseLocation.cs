using Microsoft.Data.Sqlite;

namespace AiDeals.Core.Data;

/// <summary>Where the database lives: the same rules for the web app and the operators' command line.</summary>
public static class DatabaseLocation
{
    /// <summary>The configuration key of the connection string, <c>ConnectionStrings:AiDeals</c> (<c>ConnectionStrings__AiDeals</c> in the environment).</summary>
    public const string ConnectionStringName = "AiDeals";

    /// <summary>The data source when none is configured, relative to the base folder.</summary>
    public const string DefaultDataSource = "App_Data/aideals.db";

    /// <summary>
    /// The configured connection string, or by default a SQLite file in the git-ignored App_Data folder. A relative
    /// data source is taken from <paramref name="baseFolder"/> (the app's content root), not the current folder; the
    /// file's folder is created.
    /// </summary>
    public static string ResolveConnectionString(string? configured, string baseFolder)
    {
        var builder = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(configured) ? "Data Source=" + DefaultDataSource : configured);
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:"
            && !builder.DataSource.StartsWith("file:", StringComparison.Ordinal) && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.Combine(baseFolder, builder.DataSource);
        }

        var connectionString = builder.ToString();
        DataServiceCollectionExtensions.EnsureDatabaseFolder(connectionString);
        return connectionString;
    }
}
