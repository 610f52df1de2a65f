using AiDeals.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AiDeals.Web.Features.Diagnostics;

/// <summary>
/// <c>/health</c>'s database check: one read of the migrations' table through a pooled context and connection. EF's own
/// check (<c>CanConnectAsync</c>) opens a connection of its own on SQLite, outside the pool, on every probe: 242 probes a
/// second at 32 connections, fewer than at one. A SQLite file that is gone is unhealthy before any connection is opened
/// (opening it would create an empty one, and a pooled connection still reads a file deleted under it).
/// </summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<AiDealsDbContext> contexts, DatabaseSettings database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (!database.IsPostgreSql && FilePath(database.ConnectionString) is { } path && !File.Exists(path))
            {
                return HealthCheckResult.Unhealthy("The database file is gone.");
            }

            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await db.Database.OpenConnectionAsync(cancellationToken);
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM \"__EFMigrationsHistory\"";
            var migrations = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            return migrations > 0 ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The database has no migrations.");
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or IOException)
        {
            return HealthCheckResult.Unhealthy("The database cannot be read.", ex);
        }
    }

    private static string? FilePath(string connectionString)
    {
        var source = new SqliteConnectionStringBuilder(connectionString).DataSource;
        return string.IsNullOrEmpty(source) || source == ":memory:" || source.StartsWith("file:", StringComparison.Ordinal)
            ? null : Path.GetFullPath(source);
    }
}
