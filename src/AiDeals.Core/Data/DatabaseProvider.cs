namespace AiDeals.Core.Data;

/// <summary>The database engines AiDeals runs on: SQLite for one analyst (the default), PostgreSQL for a team.</summary>
public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>The configured engine and its connection string, resolved once (<see cref="DatabaseLocation.Resolve"/>).</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>The assembly that holds the PostgreSQL migrations (the SQLite ones are in AiDeals.Core itself).</summary>
    public const string PostgreSqlMigrationsAssembly = "AiDeals.Migrations.PostgreSql";

    public bool IsPostgreSql => Provider == DatabaseProvider.PostgreSql;
}
