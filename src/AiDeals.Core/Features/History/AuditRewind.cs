using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.History;

/// <summary>
/// Records as they stood at a past moment: today's rows with every audited change made after that moment undone, the
/// newest first. A row created after the moment did not exist then; a field changed after it takes its old value back; a
/// delete or a restore after it is undone like any other field (<see cref="EditableEntity.DeletedAt"/>). Only what
/// changed since is read, so the cost follows the changes since the moment, not the size of the database; rows that
/// never changed (a bulk load) are as they are today.
/// </summary>
internal static class AuditRewind
{
    // As the audit wrote them: enums by name, dates and numbers as System.Text.Json writes them.
    private static readonly JsonSerializerOptions Values = new() { Converters = { new JsonStringEnumConverter() } };

    /// <summary>
    /// <paramref name="rows"/> (detached copies, changed in place) as they stood at <paramref name="atUtc"/>: those that
    /// existed then, soft-deleted ones included (the caller decides what a deleted row means).
    /// </summary>
    public static async Task<List<T>> AsOfAsync<T>(
        AiDealsDbContext db, IReadOnlyCollection<T> rows, Func<T, int> idOf, DateTime atUtc, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(idOf);
        if (rows.Count == 0)
        {
            return [];
        }

        var type = typeof(T).Name;
        var byId = rows.ToDictionary(r => idOf(r).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);
        var ids = byId.Keys.ToList();
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == type && EF.Parameter(ids).Contains(a.EntityId) && a.AtUtc > atUtc)
            .OrderByDescending(a => a.Id)
            .Select(a => new { a.EntityId, a.Action, a.Changes })
            .ToListAsync(cancellationToken);

        var absent = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (entry.Action == AuditAction.Created)
            {
                absent.Add(entry.EntityId);
                continue;
            }

            Undo(byId[entry.EntityId], entry.Changes);
        }

        return [.. byId.Where(r => !absent.Contains(r.Key)).Select(r => r.Value)];
    }

    /// <summary>Each field of the entry takes back its old value; a field the record no longer has is passed over.</summary>
    private static void Undo<T>(T row, string changes)
    {
        using var document = JsonDocument.Parse(changes);
        foreach (var field in document.RootElement.EnumerateObject())
        {
            var property = typeof(T).GetProperty(field.Name, BindingFlags.Public | BindingFlags.Instance);
            if (property is null || !property.CanWrite || !field.Value.TryGetProperty("old", out var old))
            {
                continue;
            }

            property.SetValue(row, old.ValueKind == JsonValueKind.Null ? null : old.Deserialize(property.PropertyType, Values));
        }
    }
}
