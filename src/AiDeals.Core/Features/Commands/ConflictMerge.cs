using System.Reflection;

namespace AiDeals.Core.Features;

/// <summary>Who changed a field since the analyst loaded the form, and so whose value a merged save keeps.</summary>
public enum MergeChoice
{
    /// <summary>Nobody changed it.</summary>
    Unchanged,

    /// <summary>Both changed it to the same value.</summary>
    Same,

    /// <summary>Only the other person changed it: theirs stays.</summary>
    Theirs,

    /// <summary>Only the analyst changed it: theirs is taken.</summary>
    Mine,

    /// <summary>Both changed it, differently: the analyst chooses.</summary>
    Ask,
}

/// <summary>One field of a conflict: its value when the form was loaded, the analyst's, the one saved meanwhile.</summary>
public sealed record FieldMerge(string Field, string? Base, string? Mine, string? Theirs, MergeChoice Choice);

/// <summary>
/// A three-way merge of a form after a conflict, field by field: a field only they changed keeps theirs, a field only the
/// analyst changed keeps the analyst's, and only a field both changed differently asks. Values are compared as
/// <see cref="Conflicts.Values"/> writes them (names in place of ids where the command puts them in), so the form as loaded,
/// the analyst's and theirs compare alike.
/// </summary>
public static class ConflictMerge
{
    /// <summary>
    /// Every field of the three, each with its choice. Without the values as loaded (<paramref name="loaded"/> null) nobody
    /// can tell who changed what, and every field that differs asks.
    /// </summary>
    public static IReadOnlyList<FieldMerge> Compare(
        IReadOnlyDictionary<string, string?>? loaded, IReadOnlyDictionary<string, string?> mine, IReadOnlyDictionary<string, string?> theirs)
    {
        ArgumentNullException.ThrowIfNull(mine);
        ArgumentNullException.ThrowIfNull(theirs);
        return [.. theirs.Keys.Concat(mine.Keys).Distinct(StringComparer.Ordinal).Select(field =>
        {
            var (mineValue, theirsValue) = (mine.GetValueOrDefault(field), theirs.GetValueOrDefault(field));
            var known = loaded is not null && loaded.ContainsKey(field);
            var loadedValue = loaded?.GetValueOrDefault(field);
            var choice = (Equal(mineValue, theirsValue), known && Equal(mineValue, loadedValue), known && Equal(theirsValue, loadedValue)) switch
            {
                (true, true, _) => MergeChoice.Unchanged,
                (true, false, _) => MergeChoice.Same,
                (false, true, _) => MergeChoice.Theirs,
                (false, false, true) => MergeChoice.Mine,
                _ => MergeChoice.Ask,
            };
            return new FieldMerge(field, loadedValue, mineValue, theirsValue, choice);
        })];
    }

    /// <summary>
    /// Moves the analyst's form onto the version saved meanwhile: the fields in <paramref name="takeTheirs"/> get theirs
    /// (from <see cref="ConflictInfo.TheirsForm"/>), the others keep the analyst's, and the reason says whether the save
    /// replaces any of their changes (<paramref name="replacesTheirs"/>) or only adds to them.
    /// </summary>
    public static void Apply(IEditForm mine, ConflictInfo conflict, IEnumerable<string> takeTheirs, bool replacesTheirs)
    {
        ArgumentNullException.ThrowIfNull(mine);
        ArgumentNullException.ThrowIfNull(conflict);
        ArgumentNullException.ThrowIfNull(takeTheirs);
        var fields = takeTheirs.ToHashSet(StringComparer.Ordinal);
        if (fields.Count > 0)
        {
            var theirs = conflict.TheirsForm ?? throw new InvalidOperationException("The conflict does not carry the record as saved meanwhile.");
            if (theirs.GetType() != mine.GetType())
            {
                throw new InvalidOperationException($"Theirs is a {theirs.GetType().Name}, the form a {mine.GetType().Name}.");
            }

            foreach (var property in mine.GetType().GetProperties().Where(p => p.CanRead && p.CanWrite && fields.Contains(FieldOf(p))))
            {
                property.SetValue(mine, property.GetValue(theirs));
            }
        }

        mine.Version = conflict.CurrentVersion;
        mine.Reason = replacesTheirs ? Conflicts.OverwriteReason(conflict) : Conflicts.MergeReason(conflict);
    }

    /// <summary>
    /// Compares and applies in one: theirs where only they changed a field or where the analyst answered theirs
    /// (<paramref name="keepsMine"/> false), the analyst's elsewhere. False, with the form untouched, when a field both
    /// changed has no answer.
    /// </summary>
    public static bool TryApply(
        IEditForm mine,
        ConflictInfo conflict,
        IReadOnlyDictionary<string, string?>? loaded,
        IReadOnlyDictionary<string, string?> mineValues,
        IReadOnlyDictionary<string, bool> keepsMine)
    {
        ArgumentNullException.ThrowIfNull(conflict);
        ArgumentNullException.ThrowIfNull(keepsMine);
        var merges = Compare(loaded, mineValues, conflict.Theirs);
        var asked = merges.Where(m => m.Choice == MergeChoice.Ask).ToList();
        if (asked.Any(m => !keepsMine.ContainsKey(m.Field)))
        {
            return false;
        }

        var takeTheirs = merges.Where(m => m.Choice == MergeChoice.Theirs || (m.Choice == MergeChoice.Ask && !keepsMine[m.Field]));
        Apply(mine, conflict, takeTheirs.Select(m => m.Field), replacesTheirs: asked.Any(m => keepsMine[m.Field]));
        return true;
    }

    private static string FieldOf(PropertyInfo property) => property.GetCustomAttribute<MergedWithAttribute>()?.Field ?? property.Name;

    private static bool Equal(string? a, string? b) => string.Equals(a, b, StringComparison.Ordinal);
}
