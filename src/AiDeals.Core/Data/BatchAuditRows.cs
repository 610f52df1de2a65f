using AiDeals.Core.Domain;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AiDeals.Core.Data;

/// <summary>
/// The audit rows a save of a batch added, written with one prepared statement for all of them instead of a save of
/// their own: an import of 100,000 deals writes some 300,000 audit rows, and EF writes each with a statement it builds,
/// prepares and runs alone (a third of the import's time). The rows are the same, in the batch's transaction; they are
/// taken out of the change tracker once written, as a save would leave them unchanged.
/// </summary>
internal static class BatchAuditRows
{
    private static readonly string[] Columns = ["EntityType", "EntityId", "Action", "AtUtc", "User", "Changes", "Reason", "Batch"];

    /// <summary>Whether the context's audit rows go this way: a batch's, on SQLite, inside the batch's transaction.</summary>
    public static bool Applies(AiDealsDbContext db) =>
        db.AuditBatch is not null && db.Database.CurrentTransaction is not null && db.Database.GetDbConnection() is SqliteConnection;

    public static async Task SaveAsync(AiDealsDbContext db, CancellationToken cancellationToken)
    {
        var added = db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).ToList();
        if (added.Count == 0)
        {
            return;
        }

        await using var command = (SqliteCommand)db.Database.GetDbConnection().CreateCommand();
        command.Transaction = (SqliteTransaction)db.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandText = $"INSERT INTO \"AuditEntries\" ({string.Join(", ", Columns.Select(c => $"\"{c}\""))}) "
            + $"VALUES ({string.Join(", ", Columns.Select(c => "$" + c))})";
        var parameters = Columns.ToDictionary(c => c, c => command.Parameters.Add("$" + c, SqliteType.Text));
        command.Prepare();
        foreach (var entry in added)
        {
            var audit = entry.Entity;
            parameters["EntityType"].Value = audit.EntityType;
            parameters["EntityId"].Value = audit.EntityId;
            parameters["Action"].Value = audit.Action.ToString();
            // As EF stores a DateTime on SQLite (its type mapping's format), so the history sorts and filters them alike.
            parameters["AtUtc"].Value = audit.AtUtc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture);
            parameters["User"].Value = audit.User;
            parameters["Changes"].Value = audit.Changes;
            parameters["Reason"].Value = (object?)audit.Reason ?? DBNull.Value;
            parameters["Batch"].Value = (object?)audit.Batch ?? DBNull.Value;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var entry in added)
        {
            entry.State = EntityState.Detached;
        }
    }
}
