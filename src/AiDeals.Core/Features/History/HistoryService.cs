using System.Globalization;
using System.Text.Json;
using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.History;

/// <summary>One field of a change, its old and new values as text (null when there was none).</summary>
public sealed record FieldChangeView(string Field, string? Old, string? New);

/// <summary>One audited change to one record.</summary>
public sealed record ChangeRecord(
    long Id,
    DateTime AtUtc,
    string User,
    AuditAction Action,
    string EntityType,
    string EntityId,
    IReadOnlyList<FieldChangeView> Fields,
    string? Reason);

/// <summary>Reads the audit log: a record's history, and the latest changes everywhere.</summary>
public sealed partial class HistoryService(IDbContextFactory<AiDealsDbContext> contextFactory)
{
    /// <summary>The changes of the given records, newest first.</summary>
    public async Task<IReadOnlyList<ChangeRecord>> ListForAsync(
        IReadOnlyCollection<(string EntityType, int Id)> records, CancellationToken cancellationToken = default)
    {
        if (records.Count == 0)
        {
            return [];
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var entries = new List<AuditEntry>();
        foreach (var group in records.GroupBy(r => r.EntityType))
        {
            var ids = group.Select(r => r.Id.ToString(CultureInfo.InvariantCulture)).ToList();
            entries.AddRange(await db.AuditEntries.AsNoTracking()
                .Where(a => a.EntityType == group.Key && ids.Contains(a.EntityId))
                .ToListAsync(cancellationToken));
        }

        return entries.OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id).Select(ToRecord).ToList();
    }

    /// <summary>The latest changes to any record, newest first. Account changes are left out: readers see this feed.</summary>
    public async Task<IReadOnlyList<ChangeRecord>> RecentAsync(int count, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType != Accounts.AccountService.AuditEntityType)
            .OrderByDescending(a => a.Id)
            .Take(Math.Clamp(count, 1, 200))
            .ToListAsync(cancellationToken);
        return entries.Select(ToRecord).ToList();
    }

    private static ChangeRecord ToRecord(AuditEntry entry) => new(
        entry.Id,
        DateTime.SpecifyKind(entry.AtUtc, DateTimeKind.Utc),
        entry.User,
        entry.Action,
        entry.EntityType,
        entry.EntityId,
        ParseChanges(entry.Changes),
        entry.Reason);

    private static List<FieldChangeView> ParseChanges(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject()
            .Select(field => new FieldChangeView(field.Name, Text(field.Value, "old"), Text(field.Value, "new")))
            .ToList();
    }

    private static string? Text(JsonElement change, string name) =>
        change.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            JsonValueKind.String => value.GetString(),
            _ => value.GetRawText(),
        } : null;
}
