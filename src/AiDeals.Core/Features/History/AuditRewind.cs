using System.Globalization;
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

    /// <summary>One audited change, as the undoing needs it.</summary>
    internal sealed record Entry(string EntityType, string EntityId, AuditAction Action, string Changes);

    /// <summary>
    /// Undoes <paramref name="newestFirst"/> on tracked rows of <paramref name="db"/>, for a save: a record created after
    /// the moment is deleted then (soft, as a delete is; a row that is never soft-deleted is removed), a row removed after
    /// it comes back from its old values (only rows that are removed, never soft-deleted ones, which are all still there),
    /// any other change takes its old values back.
    /// </summary>
    internal static async Task UndoTrackedAsync(
        AiDealsDbContext db, IReadOnlyList<Entry> newestFirst, DateTime atUtc, CancellationToken cancellationToken)
    {
        var rows = new Dictionary<(string Type, string Id), object>();
        foreach (var type in newestFirst.GroupBy(e => e.EntityType))
        {
            var ids = type.Select(e => int.Parse(e.EntityId, CultureInfo.InvariantCulture)).Distinct().ToList();
            foreach (var row in await TrackedAsync(db, type.Key, ids, cancellationToken))
            {
                rows[(type.Key, Convert.ToString(db.Entry(row).Property("Id").CurrentValue, CultureInfo.InvariantCulture)!)] = row;
            }
        }

        foreach (var entry in newestFirst)
        {
            var key = (entry.EntityType, entry.EntityId);
            var row = rows.GetValueOrDefault(key);
            if (entry.Action == AuditAction.Created && row is EditableEntity editable)
            {
                editable.DeletedAt = atUtc;
            }
            else if (entry.Action == AuditAction.Created && row is not null)
            {
                db.Remove(row);
                rows.Remove(key);
            }
            else if (entry.Action == AuditAction.Deleted && row is null
                && db.Model.GetEntityTypes().FirstOrDefault(t => t.ClrType.Name == entry.EntityType) is { } removed
                && !removed.ClrType.IsAssignableTo(typeof(EditableEntity)))
            {
                var back = Activator.CreateInstance(removed.ClrType)!;
                db.Entry(back).Property("Id").CurrentValue = int.Parse(entry.EntityId, CultureInfo.InvariantCulture);
                Undo(back, entry.Changes);
                db.Add(back);
                rows[key] = back;
            }
            else if (row is not null)
            {
                Undo(row, entry.Changes);
            }
        }

        // Normalized names follow the names and are not audited.
        foreach (var organization in db.ChangeTracker.Entries<Organization>())
        {
            organization.Entity.SyncNormalizedName();
        }

        foreach (var alias in db.ChangeTracker.Entries<OrganizationAlias>())
        {
            alias.Entity.SyncNormalizedName();
        }
    }

    private static async Task<List<object>> TrackedAsync(AiDealsDbContext db, string type, List<int> ids, CancellationToken cancellationToken) => type switch
    {
        nameof(Deal) => await TrackedAsync(db.Deals, ids, cancellationToken),
        nameof(DealParticipant) => await TrackedAsync(db.DealParticipants, ids, cancellationToken),
        nameof(DealLink) => await TrackedAsync(db.DealLinks, ids, cancellationToken),
        nameof(Organization) => await TrackedAsync(db.Organizations, ids, cancellationToken),
        nameof(OrganizationAlias) => await TrackedAsync(db.OrganizationAliases, ids, cancellationToken),
        nameof(Source) => await TrackedAsync(db.Sources, ids, cancellationToken),
        nameof(Citation) => await TrackedAsync(db.Citations, ids, cancellationToken),
        nameof(Valuation) => await TrackedAsync(db.Valuations, ids, cancellationToken),
        nameof(MarketEvent) => await TrackedAsync(db.MarketEvents, ids, cancellationToken),
        _ => [],
    };

    private static async Task<List<object>> TrackedAsync<T>(DbSet<T> set, List<int> ids, CancellationToken cancellationToken)
        where T : class =>
        [.. await set.IgnoreQueryFilters().Where(e => EF.Parameter(ids).Contains(EF.Property<int>(e, "Id"))).ToListAsync(cancellationToken)];

    /// <summary>Each field of the entry takes back its old value; a field the record no longer has is passed over.</summary>
    private static void Undo(object row, string changes)
    {
        using var document = JsonDocument.Parse(changes);
        foreach (var field in document.RootElement.EnumerateObject())
        {
            var property = row.GetType().GetProperty(field.Name, BindingFlags.Public | BindingFlags.Instance);
            if (property is null || !property.CanWrite || !field.Value.TryGetProperty("old", out var old))
            {
                continue;
            }

            property.SetValue(row, old.ValueKind == JsonValueKind.Null ? null : old.Deserialize(property.PropertyType, Values));
        }
    }
}
