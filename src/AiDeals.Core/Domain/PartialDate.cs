using System.Globalization;

namespace AiDeals.Core.Domain;

/// <summary>
/// A date known to a precision: a day, a month, a quarter or a year. The date is the first day of the period.
/// </summary>
public readonly record struct PartialDate : IComparable<PartialDate>
{
    // For JSON (the prerendered pages carry their data into the circuit): the date and its precision as stored.
    [System.Text.Json.Serialization.JsonConstructor]
    private PartialDate(DateOnly date, DatePrecision precision)
    {
        Date = date;
        Precision = precision;
    }

    public DateOnly Date { get; }

    public DatePrecision Precision { get; }

    /// <summary>Normalizes the date to the first day of its period so equal periods compare equal.</summary>
    public static PartialDate Create(DateOnly date, DatePrecision precision) => new(Truncate(date, precision), precision);

    public static PartialDate Day(int year, int month, int day) => new(new DateOnly(year, month, day), DatePrecision.Day);

    public static PartialDate Month(int year, int month) => new(new DateOnly(year, month, 1), DatePrecision.Month);

    public static PartialDate Quarter(int year, int quarter) =>
        quarter is >= 1 and <= 4
            ? new(new DateOnly(year, ((quarter - 1) * 3) + 1, 1), DatePrecision.Quarter)
            : throw new ArgumentOutOfRangeException(nameof(quarter), quarter, "A quarter is 1 to 4.");

    public static PartialDate Year(int year) => new(new DateOnly(year, 1, 1), DatePrecision.Year);

    /// <summary>The last day of the period, for range filters.</summary>
    public DateOnly End => Precision switch
    {
        DatePrecision.Day => Date,
        DatePrecision.Month => Date.AddMonths(1).AddDays(-1),
        DatePrecision.Quarter => Date.AddMonths(3).AddDays(-1),
        _ => Date.AddYears(1).AddDays(-1),
    };

    /// <summary>Reads "2025-01-27", "2025-01", "2024-Q4" or "2019".</summary>
    public static bool TryParse(string? text, out PartialDate value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        var invariant = CultureInfo.InvariantCulture;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", invariant, DateTimeStyles.None, out var day))
        {
            value = new(day, DatePrecision.Day);
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM", invariant, DateTimeStyles.None, out var month))
        {
            value = new(month, DatePrecision.Month);
            return true;
        }

        if (text.Length == 7 && text[4] == '-' && text[5] is 'Q' or 'q' && text[6] is >= '1' and <= '4'
            && int.TryParse(text.AsSpan(0, 4), NumberStyles.None, invariant, out var quarterYear) && quarterYear >= 1)
        {
            value = Quarter(quarterYear, text[6] - '0');
            return true;
        }

        if (text.Length == 4 && int.TryParse(text, NumberStyles.None, invariant, out var year) && year >= 1)
        {
            value = Year(year);
            return true;
        }

        return false;
    }

    public static PartialDate Parse(string text) =>
        TryParse(text, out var value)
            ? value
            : throw new FormatException($"'{text}' is not a date: write 2025-01-27, 2025-01, 2024-Q4 or 2019.");

    /// <summary>The machine form that <see cref="Parse"/> reads back.</summary>
    public string ToIsoString() => Precision switch
    {
        DatePrecision.Day => Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DatePrecision.Month => Date.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        DatePrecision.Quarter => string.Create(CultureInfo.InvariantCulture, $"{Date.Year:D4}-Q{((Date.Month - 1) / 3) + 1}"),
        _ => Date.Year.ToString("D4", CultureInfo.InvariantCulture),
    };

    /// <summary>The date for people at its precision: "27 Jan 2025", "Jan 2025", "Q4 2024", "2019".</summary>
    public override string ToString() => Precision switch
    {
        DatePrecision.Day => Date.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
        DatePrecision.Month => Date.ToString("MMM yyyy", CultureInfo.InvariantCulture),
        DatePrecision.Quarter => string.Create(CultureInfo.InvariantCulture, $"Q{((Date.Month - 1) / 3) + 1} {Date.Year}"),
        _ => Date.Year.ToString(CultureInfo.InvariantCulture),
    };

    public int CompareTo(PartialDate other)
    {
        var byDate = Date.CompareTo(other.Date);
        return byDate != 0 ? byDate : Precision.CompareTo(other.Precision);
    }

    private static DateOnly Truncate(DateOnly date, DatePrecision precision) => precision switch
    {
        DatePrecision.Day => date,
        DatePrecision.Month => new DateOnly(date.Year, date.Month, 1),
        DatePrecision.Quarter => new DateOnly(date.Year, ((date.Month - 1) / 3 * 3) + 1, 1),
        _ => new DateOnly(date.Year, 1, 1),
    };
}
