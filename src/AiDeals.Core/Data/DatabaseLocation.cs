using Microsoft.Data.Sqlite;

namespace AiDeals.Core.Data;

/// <summary>Where the database lives: the same rules for the web app and the operators' command line.</summary>
public static class DatabaseLocation
{
    /// <summary>The configuration key of the connection string, <c>ConnectionStrings:AiDeals</c> (<c>ConnectionStrings__AiDeals</c> in the environment).</summary>
    public const string ConnectionStringName = "AiDeals";

    /// <summary>The configuration key of the engine, <c>Database:Provider</c>: <c>Sqlite</c> (the default) or <c>PostgreSql</c>.</summary>
    public const string ProviderKey = "Database:Provider";

    /// <summary>The data source when none is configured, relative to the base folder.</summary>
    public const string DefaultDataSource = "App_Data/aideals.db";

    /// <summary>
    /// The engine named by <c>Database:Provider</c> (<paramref name="provider"/>; empty is SQLite) and its connection
    /// string: for SQLite as <see cref="ResolveConnectionString"/> gives it, for PostgreSQL the configured one, which is
    /// then required (a team's server has no default).
    /// </summary>
    public static DatabaseSettings Resolve(string? provider, string? configured, string baseFolder)
    {
        if (string.IsNullOrWhiteSpace(provider) || provider.Trim().Equals(nameof(DatabaseProvider.Sqlite), StringComparison.OrdinalIgnoreCase))
        {
            return new DatabaseSettings(DatabaseProvider.Sqlite, ResolveConnectionString(configured, baseFolder));
        }

        if (!provider.Trim().Equals(nameof(DatabaseProvider.PostgreSql), StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"{ProviderKey} is '{provider}': it must be {nameof(DatabaseProvider.Sqlite)} (the default) or {nameof(DatabaseProvider.PostgreSql)}.");
        }

        if (string.IsNullOrWhiteSpace(configured))
        {
            throw new InvalidOperationException(
                $"{ProviderKey} is {nameof(DatabaseProvider.PostgreSql)} but ConnectionStrings:{ConnectionStringName} is not set "
                + "(e.g. \"Host=localhost;Port=5432;Database=aideals;Username=aideals;Password=…\").");
        }

        return new DatabaseSettings(DatabaseProvider.PostgreSql, configured);
    }

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
