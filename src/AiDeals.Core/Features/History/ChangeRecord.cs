using System.Globalization;
using System.Text.Json;
using AiDeals.Core.Domain;

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

/// <summary>Audit entries read as changes: their field changes parsed from the stored JSON.</summary>
internal static class ChangeRecords
{
    public static ChangeRecord Of(AuditEntry entry) => new(
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

    /// <summary>A record id as the audit stores it (invariant digits), or null when it is none.</summary>
    public static int? IdOf(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
