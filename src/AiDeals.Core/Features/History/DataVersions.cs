using System.Globalization;
using AiDeals.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.History;

/// <summary>
/// The version of everything stored: the newest audit entry, its id and time. Every write leaves an audit entry, in its
/// own transaction or right after it, whoever makes it (this instance, another one on the same database, the command
/// line), so a read answered at one version holds for as long as the version is the same. One read of the audit log's
/// primary key, the last entry: a few microseconds.
/// </summary>
public sealed class DataVersions(IDbContextFactory<AiDealsDbContext> contexts)
{
    private const string Newest = "SELECT \"Id\", \"AtUtc\" FROM \"AuditEntries\" ORDER BY \"Id\" DESC LIMIT 1";

    /// <summary>
    /// The current version as text ("0" for a log with no entry). The entry's time goes with its id, so that a database put
    /// back from another copy, whose log reached the same id by other writes, does not read as the same version.
    /// </summary>
    public async Task<string> CurrentAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = Newest;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? string.Create(CultureInfo.InvariantCulture, $"{reader.GetInt64(0)}@{reader.GetValue(1)}")
            : "0";
    }
}
