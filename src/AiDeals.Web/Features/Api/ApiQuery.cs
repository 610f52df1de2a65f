using System.Globalization;
using AiDeals.Core.Features;

namespace AiDeals.Web.Features.Api;

/// <summary>
/// The list endpoints' query values, read as leniently as the pages read theirs: a value that cannot be read is left
/// out (the default applies), never an error. Pages count from 1; a page holds 1 to 500 rows, 100 unless asked.
/// </summary>
internal static class ApiQuery
{
    public const int DefaultPageSize = 100;

    public static PageRequest Page(HttpRequest request)
    {
        var page = Int(request, "page") is { } p && p >= 1 ? p : 1;
        var size = Int(request, "size") is { } s && s >= 1 ? Math.Min(s, PageRequest.MaxPageSize) : DefaultPageSize;
        return new PageRequest(page - 1, size);
    }

    public static int? Int(HttpRequest request, string key) =>
        int.TryParse(request.Query[key].FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static bool? Bool(HttpRequest request, string key) =>
        bool.TryParse(request.Query[key].FirstOrDefault(), out var value) ? value : null;

    public static DateOnly? Date(HttpRequest request, string key) =>
        DateOnly.TryParseExact(request.Query[key].FirstOrDefault(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    public static string? Text(HttpRequest request, string key, int maxLength = 200) =>
        request.Query[key].FirstOrDefault()?.Trim() is { Length: > 0 } text ? text[..Math.Min(text.Length, maxLength)] : null;

    /// <summary>A member by name in any case; "1" or "A,B" are not names.</summary>
    public static TEnum? Enum<TEnum>(string? text)
        where TEnum : struct, System.Enum =>
        text is null ? null : System.Enum.GetValues<TEnum>().Select(v => (TEnum?)v)
            .FirstOrDefault(v => string.Equals(v.ToString(), text.Trim(), StringComparison.OrdinalIgnoreCase));

    public static TEnum? Enum<TEnum>(HttpRequest request, string key)
        where TEnum : struct, System.Enum => Enum<TEnum>(request.Query[key].FirstOrDefault());
}
