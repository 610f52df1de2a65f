using AiDeals.Core.Data.Configurations;
using AiDeals.Core.Domain;

namespace AiDeals.Core.Features.Deals;

/// <summary>
/// The deals after a cursor, as the ranges of the sort key's index they lie in: first the rows that share the cursor's
/// key (by id), then those past it, then, descending, those with no key (NULL sorts last there). Each range is a plain
/// index search from the cursor on, so a deep page costs what the first costs. A single row-value comparison
/// <c>(key, Id) &gt; (@key, @id)</c> is not enough: SQLite seeks on the key alone and then walks every row that shares
/// it (200,000 for a status).
/// </summary>
internal static class DealKeyset
{
    /// <summary>
    /// The ranges after the cursor, in order, as conditions on the list's deals (alias <c>d</c>) with their values;
    /// <c>SameKey</c> marks the rows sharing the cursor's key, which are in order by id alone (said so, SQLite reads
    /// them in the index's order even for an expression key, which it would sort).
    /// </summary>
    public static IEnumerable<(string Condition, object?[] Values, bool SameKey)> After(DealCursor cursor, bool descending)
    {
        var key = KeySql(cursor.Sort);
        var next = descending ? "<" : ">";
        if (cursor.Key is null)
        {
            yield return ($"{key} IS NULL AND d.\"Id\" {next} {{0}}", [cursor.Id], true);
            if (!descending)
            {
                yield return ($"{key} IS NOT NULL", [], false);
            }

            yield break;
        }

        yield return ($"{key} = {{0}} AND d.\"Id\" {next} {{1}}", [cursor.Key, cursor.Id], true);
        yield return ($"{key} {next} {{0}}", [cursor.Key], false);
        if (descending && cursor.Sort is DealSortField.Announced or DealSortField.Amount)
        {
            yield return ($"{key} IS NULL", [], true);
        }
    }

    /// <summary>The cursor of a row as the list read it.</summary>
    public static DealCursor CursorOf(DealFilter filter, DealRow row) => new(filter.Sort, filter.Descending, filter.Sort switch
    {
        DealSortField.Title => row.Title,
        DealSortField.Target or DealSortField.Investors => row.KeptSortKey,
        DealSortField.Kind => row.Kind.ToString(),
        // The enum lists the statuses in their place in a deal's life, as the rank column does.
        DealSortField.Status => (long)row.Status,
        DealSortField.Amount => row.AmountHigh ?? row.AmountLow,
        _ => row.AnnouncedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    }, row.Id);

    /// <summary>
    /// The sort's key as the list's SQL says it of the deal <c>d</c>: the same expressions as its index's (an
    /// expression index serves only the same expression), so SQLite walks that index.
    /// </summary>
    public static string KeySql(DealSortField sort) => sort switch
    {
        DealSortField.Title => "d.\"Title\"",
        DealSortField.Target => $"d.\"{DealListKeys.Target}\"",
        DealSortField.Investors => $"d.\"{DealListKeys.Investor}\"",
        DealSortField.Kind => "d.\"Kind\"",
        DealSortField.Status => $"d.\"{DealListKeys.StatusRank}\"",
        DealSortField.Amount => "COALESCE(d.\"AmountHigh\", d.\"AmountLow\")",
        _ => "d.\"AnnouncedOn\"",
    };
}

/// <summary>
/// The columns of one deal-list row as read. <see cref="KeptSortKey"/> is the kept key of a sort by target or by
/// investors (the name the row sorts by; empty for the other sorts, whose keys are columns of their own).
/// </summary>
internal sealed record DealRow(
    int Id,
    string Title,
    OrganizationRef? Target,
    DealKind Kind,
    DealStatus Status,
    long? AmountLow,
    long? AmountHigh,
    AmountQualifier AmountQualifier,
    DateOnly? AnnouncedOn,
    DatePrecision AnnouncedPrecision,
    bool IsUmbrella,
    string KeptSortKey,
    string Currency,
    long? ReportedLow,
    long? ReportedHigh,
    AmountQualifier? ReportedQualifier,
    DateOnly? RateOn,
    IReadOnlyList<OrganizationRef> Investors);
