using System.Globalization;

namespace AiDeals.Core.Domain;

/// <summary>
/// An amount of whole US dollars (or, as a deal reports it, whole units of its currency) with its uncertainty: exact,
/// up to, at least, a range, an estimate, or undisclosed.
/// </summary>
public readonly record struct AmountRange
{
    /// <summary>
    /// The largest figure an amount may be written with: $100 trillion, beyond any real deal, and small enough that the
    /// sums of the dashboard and the profiles stay far inside a 64-bit integer.
    /// </summary>
    public const long MaxFigure = 100_000_000_000_000;

    // For JSON (the prerendered pages carry their data into the circuit): the stored figures, as read from the database.
    [System.Text.Json.Serialization.JsonConstructor]
    private AmountRange(long? low, long? high, AmountQualifier qualifier)
    {
        Low = low;
        High = high;
        Qualifier = qualifier;
    }

    public long? Low { get; }

    public long? High { get; }

    public AmountQualifier Qualifier { get; }

    public static AmountRange Undisclosed { get; } = new(null, null, AmountQualifier.Undisclosed);

    public static AmountRange Exact(long amount) => Create(amount, amount, AmountQualifier.Exact);

    public static AmountRange Estimated(long amount) => Create(amount, amount, AmountQualifier.Estimated);

    public static AmountRange UpTo(long high) => Create(null, high, AmountQualifier.UpTo);

    public static AmountRange AtLeast(long low) => Create(low, null, AmountQualifier.AtLeast);

    public static AmountRange Between(long low, long high) => Create(low, high, AmountQualifier.Range);

    /// <summary>
    /// Builds a range, throwing <see cref="ArgumentException"/> with the shape rule it breaks. It does not hold figures
    /// to <see cref="MaxFigure"/>: rows stored before that bound must still read. Writes check <see cref="Validate"/>.
    /// </summary>
    public static AmountRange Create(long? low, long? high, AmountQualifier qualifier)
    {
        var error = ValidateShape(low, high, qualifier);
        return error is null ? new AmountRange(low, high, qualifier) : throw new ArgumentException(error);
    }

    /// <summary>The rule that low, high and qualifier break together, or null when they fit: what every write checks.</summary>
    public static string? Validate(long? low, long? high, AmountQualifier qualifier) =>
        ValidateFigure(low) ?? ValidateFigure(high) ?? ValidateShape(low, high, qualifier);

    /// <summary>The bound one figure breaks (more than <see cref="MaxFigure"/> either way), or null when it fits.</summary>
    public static string? ValidateFigure(long? dollars) =>
        dollars > MaxFigure || dollars < -MaxFigure ? $"An amount cannot be more than {Format(MaxFigure)}." : null;

    private static string? ValidateShape(long? low, long? high, AmountQualifier qualifier)
    {
        if (low < 0 || high < 0)
        {
            return "An amount cannot be negative.";
        }

        if (low is not null && high is not null && low > high)
        {
            return $"The low amount ({Format(low.Value)}) is above the high amount ({Format(high.Value)}).";
        }

        return qualifier switch
        {
            AmountQualifier.Exact or AmountQualifier.Estimated when low is null || high is null || low != high
                => $"An {qualifier.ToString().ToLowerInvariant()} amount needs one figure (low equal to high).",
            AmountQualifier.UpTo when low is not null || high is null
                => "An 'up to' amount has a high figure and no low figure.",
            AmountQualifier.AtLeast when low is null || high is not null
                => "An 'at least' amount has a low figure and no high figure.",
            AmountQualifier.Range when low is null || high is null || low == high
                => "A range needs a low and a high figure that differ.",
            AmountQualifier.Undisclosed when low is not null || high is not null
                => "An undisclosed amount has no figures.",
            _ => null,
        };
    }

    /// <summary>
    /// A sum of figures in whole dollars. Sums are taken in floating point, which cannot overflow: rows stored before
    /// <see cref="MaxFigure"/> may hold figures as large as a long. A total beyond a long reads as the largest long
    /// rather than failing the page that shows it.
    /// </summary>
    public static long Total(double sum) =>
        sum >= long.MaxValue ? long.MaxValue : sum <= long.MinValue ? long.MinValue : (long)Math.Round(sum, MidpointRounding.AwayFromZero);

    public bool IsDisclosed => Qualifier != AmountQualifier.Undisclosed;

    /// <summary>The amount for people: "$15B–$25B", "up to $25B", "more than $40B", "~$589B", "undisclosed".</summary>
    public override string ToString() => ToString(Currencies.Usd);

    /// <summary>The amount in units of <paramref name="currency"/> for people: "€600M", "up to £1B", "¥1T–¥2T".</summary>
    public string ToString(string currency) => Qualifier switch
    {
        AmountQualifier.Exact => Currencies.Format(Low!.Value, currency),
        AmountQualifier.Estimated => "~" + Currencies.Format(Low!.Value, currency),
        AmountQualifier.UpTo => "up to " + Currencies.Format(High!.Value, currency),
        AmountQualifier.AtLeast => "more than " + Currencies.Format(Low!.Value, currency),
        AmountQualifier.Range => Currencies.Format(Low!.Value, currency) + "–" + Currencies.Format(High!.Value, currency),
        _ => "undisclosed",
    };

    /// <summary>
    /// This amount, in units of a currency, as whole US dollars at <paramref name="unitsPerUsd"/>; a range whose ends
    /// round to the same dollar becomes an estimate of that dollar.
    /// </summary>
    public AmountRange ToDollars(double unitsPerUsd)
    {
        if (!(unitsPerUsd > 0) || double.IsInfinity(unitsPerUsd))
        {
            throw new ArgumentOutOfRangeException(nameof(unitsPerUsd), unitsPerUsd, "A rate is a positive number.");
        }

        long? Convert(long? units) => units is { } value ? Total(value / unitsPerUsd) : null;
        var (low, high) = (Convert(Low), Convert(High));
        var qualifier = Qualifier == AmountQualifier.Range && low == high ? AmountQualifier.Estimated : Qualifier;
        return Create(low, high, qualifier);
    }

    /// <summary>
    /// A whole-dollar figure for people in the largest fitting unit: $157B, $1.5T, $250M, $12K, $900.
    /// Always invariant: the same text whatever the server's culture.
    /// </summary>
    public static string Format(long dollars)
    {
        var sign = dollars < 0 ? "-" : string.Empty;
        var magnitude = Math.Abs((decimal)dollars);
        (decimal divisor, string suffix) = magnitude switch
        {
            >= 1_000_000_000_000m => (1_000_000_000_000m, "T"),
            >= 1_000_000_000m => (1_000_000_000m, "B"),
            >= 1_000_000m => (1_000_000m, "M"),
            >= 1_000m => (1_000m, "K"),
            _ => (1m, string.Empty),
        };
        var scaled = Math.Round(magnitude / divisor, 2, MidpointRounding.AwayFromZero);
        return sign + "$" + scaled.ToString("0.##", CultureInfo.InvariantCulture) + suffix;
    }
}
