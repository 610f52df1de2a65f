using System.Collections;
using System.Globalization;
using AiDeals.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features;

/// <summary>
/// What every command's conflict says, built the same way for every record: who saved last and when (from the audit
/// log), and the record's values now as text keyed by the form's property names, in the format
/// <see cref="Text"/> gives, so that a page can put the analyst's own form through <see cref="Values"/> and compare.
/// </summary>
public static class Conflicts
{
    /// <summary>
    /// The audit reason of a save that deliberately replaces someone else's change: "Saved over ann@x's change of
    /// 3 Mar 2025, 14:05 UTC". One wording for every editor, so the history reads alike.
    /// </summary>
    public static string OverwriteReason(ConflictInfo conflict)
    {
        ArgumentNullException.ThrowIfNull(conflict);
        var who = string.IsNullOrWhiteSpace(conflict.ChangedBy) ? "another user" : conflict.ChangedBy;
        var when = conflict.ChangedAtUtc is { } at
            ? at.ToString("d MMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture)
            : "an unknown time";
        return $"Saved over {who}'s change of {when}";
    }

    /// <summary>
    /// The audit reason of a save merged with someone else's change, keeping all of theirs: "Merged with ann@x's change of
    /// 3 Mar 2025, 14:05 UTC".
    /// </summary>
    public static string MergeReason(ConflictInfo conflict)
    {
        ArgumentNullException.ThrowIfNull(conflict);
        return "Merged with" + OverwriteReason(conflict)["Saved over".Length..];
    }

    /// <summary>
    /// The conflict for a record as stored now (<paramref name="theirsForm"/>, at its version): the latest audit entry of
    /// any of <paramref name="records"/> (a deal and its participants and citations count as one record) says who
    /// changed it and when; <paramref name="theirsForm"/> is the record as a form, which a merge takes fields from.
    /// </summary>
    public static async Task<ConflictInfo> DescribeAsync(
        AiDealsDbContext db,
        IReadOnlyCollection<(string EntityType, int Id)> records,
        IEditForm theirsForm,
        IReadOnlyDictionary<string, string?> theirs,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(theirsForm);
        string? changedBy = null;
        DateTime? changedAt = null;
        long latestId = 0;
        foreach (var group in records.GroupBy(r => r.EntityType, StringComparer.Ordinal))
        {
            var ids = group.Select(r => r.Id.ToString(CultureInfo.InvariantCulture)).ToList();
            var latest = await db.AuditEntries.AsNoTracking()
                .Where(a => a.EntityType == group.Key && ids.Contains(a.EntityId))
                .OrderByDescending(a => a.Id)
                .Select(a => new { a.Id, a.User, a.AtUtc })
                .FirstOrDefaultAsync(cancellationToken);
            if (latest is not null && latest.Id > latestId)
            {
                (latestId, changedBy, changedAt) = (latest.Id, latest.User, DateTime.SpecifyKind(latest.AtUtc, DateTimeKind.Utc));
            }
        }

        return new ConflictInfo(changedBy, changedAt, theirsForm.Version, theirs) { TheirsForm = theirsForm };
    }

    /// <inheritdoc cref="DescribeAsync(AiDealsDbContext, IReadOnlyCollection{ValueTuple{string, int}}, IEditForm, IReadOnlyDictionary{string, string?}, CancellationToken)"/>
    public static Task<ConflictInfo> DescribeAsync(
        AiDealsDbContext db, string entityType, IEditForm theirsForm, IReadOnlyDictionary<string, string?> theirs, CancellationToken cancellationToken = default) =>
        DescribeAsync(db, [(entityType, theirsForm.Id)], theirsForm, theirs, cancellationToken);

    /// <summary>
    /// Every public readable property of a form except <c>Id</c>, <c>Version</c> and <c>Reason</c> (they say which record and
    /// how to save it, not what),
    /// as <see cref="Text"/>, by property name. Reference ids read as numbers: a command that wants names puts them in
    /// over the ids before returning the conflict, and the page does the same to its own form.
    /// </summary>
    public static Dictionary<string, string?> Values(object form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return form.GetType().GetProperties()
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.Name is not ("Id" or "Version" or "Reason"))
            .ToDictionary(p => p.Name, p => Text(p.GetValue(form)), StringComparer.Ordinal);
    }

    /// <summary>Whether two sets of <see cref="Values"/> hold the same fields with the same values.</summary>
    public static bool SameValues(IReadOnlyDictionary<string, string?> a, IReadOnlyDictionary<string, string?> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a.Count == b.Count && a.All(pair => b.TryGetValue(pair.Key, out var other) && string.Equals(pair.Value, other, StringComparison.Ordinal));
    }

    /// <summary>
    /// A value as the conflict and the audit log write it: invariant numbers, enums by name, dates as 2025-01-27,
    /// blank text as no value, and a list as its items' text one a line, sorted so that order alone is no difference.
    /// </summary>
    public static string? Text(object? value) => value switch
    {
        null => null,
        string text => FormText.Blank(text),
        Enum item => item.ToString(),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime time => time.ToString("O", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        IEnumerable items => Lines(items),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static string? Lines(IEnumerable items)
    {
        var lines = items.Cast<object?>().Select(Text).OfType<string>().Order(StringComparer.Ordinal).ToList();
        return lines.Count == 0 ? null : string.Join('\n', lines);
    }
}
