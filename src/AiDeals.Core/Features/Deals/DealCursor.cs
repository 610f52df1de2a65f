using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace AiDeals.Core.Features.Deals;

/// <summary>
/// A position in the deal list: one row's sort key and id, in one sort. Its text form (<see cref="ToString"/>) is opaque
/// and URL-safe; <see cref="TryParse"/> reads it back and refuses anything it did not write for that sort. An edited
/// cursor that still reads is only another position: it carries no right and no filter, so it can show no other rows.
/// </summary>
public sealed record DealCursor
{
    private const string Version = "1";
    private const int MaxTextLength = 1024;

    internal DealCursor(DealSortField sort, bool descending, object? key, int id)
    {
        Sort = sort;
        Descending = descending;
        Key = key;
        Id = id;
    }

    public DealSortField Sort { get; }

    public bool Descending { get; }

    /// <summary>The row's sort key as SQL compares it: text, a whole number, or null (no date, no amount).</summary>
    internal object? Key { get; }

    public int Id { get; }

    /// <summary>Reads a cursor for the filter's sort; false for text that is not one (a bad link is a 400, not an error).</summary>
    public static bool TryParse(string? text, DealFilter filter, [NotNullWhen(true)] out DealCursor? cursor)
    {
        ArgumentNullException.ThrowIfNull(filter);
        cursor = null;
        if (string.IsNullOrEmpty(text) || text.Length > MaxTextLength)
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text));
        }
        catch (FormatException)
        {
            return false;
        }

        // version | sort | direction | id | key (last: a title may hold any character)
        var parts = decoded.Split('|', 5);
        if (parts.Length != 5 || parts[0] != Version
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sortNumber)
            || sortNumber != (int)filter.Sort
            || parts[2] != Direction(filter.Descending)
            || !int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || !TryReadKey(filter.Sort, parts[4], out var key))
        {
            return false;
        }

        cursor = new DealCursor(filter.Sort, filter.Descending, key, id);
        return true;
    }

    /// <summary>The opaque, URL-safe text form.</summary>
    public override string ToString()
    {
        var key = Key switch
        {
            null => "n",
            long number => "l" + number.ToString(CultureInfo.InvariantCulture),
            _ => "s" + (string)Key,
        };
        var text = string.Join('|', Version, ((int)Sort).ToString(CultureInfo.InvariantCulture), Direction(Descending),
            Id.ToString(CultureInfo.InvariantCulture), key);
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));
    }

    private static string Direction(bool descending) => descending ? "d" : "a";

    // Each sort's key has one type; only the date and the amount may be missing.
    private static bool TryReadKey(DealSortField sort, string text, out object? key)
    {
        key = null;
        if (text.Length == 0)
        {
            return false;
        }

        var value = text[1..];
        switch (sort, text[0])
        {
            case (DealSortField.Announced or DealSortField.Amount, 'n') when value.Length == 0:
                return true;
            case (DealSortField.Announced, 's'):
                key = value;
                return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
            case (DealSortField.Amount or DealSortField.Status, 'l'):
                var read = long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number);
                key = number;
                return read;
            case (DealSortField.Title or DealSortField.Target or DealSortField.Investors or DealSortField.Kind, 's'):
                key = value;
                return true;
            default:
                return false;
        }
    }
}
