using System.ComponentModel.DataAnnotations;
using System.Globalization;
using AiDeals.Core.Domain;

namespace AiDeals.Core.Features;

/// <summary>An absolute http or https address with a host; anything else (javascript:, ftp:, a bare name) is refused.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class HttpUrlAttribute : ValidationAttribute
{
    public HttpUrlAttribute()
        : base("Enter a full web address starting with http:// or https://.")
    {
    }

    public static bool IsHttpUrl(string? text) =>
        Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);

    public override bool IsValid(object? value) => value is not string text || string.IsNullOrWhiteSpace(text) || IsHttpUrl(text);
}

/// <summary>An ISO 3166-1 alpha-2 country code such as "US" (case-insensitive); empty is allowed.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class CountryCodeAttribute : ValidationAttribute
{
    public CountryCodeAttribute()
        : base("Choose a country by its two-letter ISO code, e.g. US or JP.")
    {
    }

    public override bool IsValid(object? value) => value is not string text || string.IsNullOrWhiteSpace(text) || Countries.IsValid(text);
}

/// <summary>A date at its precision as <see cref="PartialDate.TryParse"/> reads it: 2025-01-27, 2025-01, 2024-Q4 or 2019.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class PartialDateTextAttribute : ValidationAttribute
{
    public PartialDateTextAttribute()
        : base("Write the date as 2025-01-27, 2025-01, 2024-Q4 or 2019.")
    {
    }

    public override bool IsValid(object? value) =>
        value is not string text || string.IsNullOrWhiteSpace(text)
        || (PartialDate.TryParse(text, out var date) && date.Date.Year is >= 1800 and <= 2200);
}

/// <summary>A year from 1600 to the current one: a founding year in the future or before modern companies is a typo.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class PastYearAttribute : ValidationAttribute
{
    public const int Earliest = 1600;

    public PastYearAttribute()
        : base("Enter a year from 1600 to this year.")
    {
    }

    public override bool IsValid(object? value) => value is not int year || (year >= Earliest && year <= DateTime.UtcNow.Year);
}

/// <summary>The ISO 3166-1 alpha-2 countries the platform's ICU data knows, with their English names.</summary>
public static class Countries
{
    private static readonly Lazy<IReadOnlyList<Country>> AllCountries = new(() => CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(culture => TryRegion(culture.Name))
        .OfType<RegionInfo>()
        .Where(region => IsAlpha2(region.TwoLetterISORegionName))
        .DistinctBy(region => region.TwoLetterISORegionName)
        .Select(region => new Country(region.TwoLetterISORegionName, region.EnglishName))
        .OrderBy(country => country.Name, StringComparer.InvariantCulture)
        .ToList());

    /// <summary>Every country that has a culture on this machine, by English name (for pickers).</summary>
    public static IReadOnlyList<Country> All => AllCountries.Value;

    /// <summary>
    /// Whether the text is a known alpha-2 code. ICU knows codes that no culture uses (AQ Antarctica, BV Bouvet Island),
    /// so the check asks <see cref="RegionInfo"/> rather than the list above.
    /// </summary>
    public static bool IsValid(string? code)
    {
        var trimmed = code?.Trim();
        return trimmed is { Length: 2 } && IsAlpha2(trimmed.ToUpperInvariant()) && TryRegion(trimmed) is not null;
    }

    /// <summary>"United States" for "US"; the code itself when it is unknown.</summary>
    public static string NameOf(string code) => TryRegion(code)?.EnglishName ?? code;

    private static bool IsAlpha2(string code) => code.Length == 2 && code.All(char.IsAsciiLetterUpper);

    private static RegionInfo? TryRegion(string name)
    {
        try
        {
            return new RegionInfo(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}

public sealed record Country(string Code, string Name);

/// <summary>
/// Text of at most <see cref="MaximumLength"/> characters (UTF-16 code units, as the browser's maxlength counts them).
/// The message gives the limit and the count, in the same words for every field: "At most 4,000 characters; this has 4,001."
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class TextLimitAttribute(int maximumLength) : ValidationAttribute
{
    public int MaximumLength { get; } = maximumLength;

    public static string Message(int maximumLength, int length) =>
        string.Create(CultureInfo.InvariantCulture, $"At most {maximumLength:N0} characters; this has {length:N0}.");

    public override bool IsValid(object? value) => value is not string text || text.Length <= MaximumLength;

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        ArgumentNullException.ThrowIfNull(validationContext);
        return IsValid(value)
            ? ValidationResult.Success
            : new ValidationResult(Message(MaximumLength, ((string)value!).Length), validationContext.MemberName is { } member ? [member] : null);
    }
}

/// <summary>
/// Text without characters that hide or disguise what it says: control characters other than tab and line breaks (NUL
/// among them), lone halves of surrogate pairs (they cannot be stored as UTF-8), the bidirectional overrides and isolates
/// that make text read in another order than it is stored, and the zero-width space, word joiner and byte-order mark
/// that make two equal-looking names differ. Zero-width joiners stay: emoji and several scripts need them.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class PlainTextAttribute : ValidationAttribute
{
    /// <summary>Why the text is refused, naming the first hidden character and where it is; null when it is fine.</summary>
    public static string? Problem(string? text)
    {
        if (text is null)
        {
            return null;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (IsHidden(c))
            {
                return string.Create(CultureInfo.InvariantCulture, $"Remove the hidden character U+{(int)c:X4} at position {i + 1:N0}.");
            }
        }

        return null;
    }

    public override bool IsValid(object? value) => value switch
    {
        string text => Problem(text) is null,
        IEnumerable<string> texts => texts.All(t => Problem(t) is null),
        _ => true,
    };

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        ArgumentNullException.ThrowIfNull(validationContext);
        var problem = value switch
        {
            string text => Problem(text),
            IEnumerable<string> texts => texts.Select(Problem).FirstOrDefault(p => p is not null),
            _ => null,
        };
        return problem is null
            ? ValidationResult.Success
            : new ValidationResult(problem, validationContext.MemberName is { } member ? [member] : null);
    }

    private static bool IsHidden(char c) =>
        (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
        || char.IsSurrogate(c)
        || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C'
        || c is '\u200B' or '\u2060' or '\uFEFF' or '\uFFFE' or '\uFFFF';
}
