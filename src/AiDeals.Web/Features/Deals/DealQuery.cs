using System.Globalization;
using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Deals;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace AiDeals.Web.Features.Deals;

/// <summary>
/// The deal list's view as it lives in the address: filters, sort, page and page size. The page and the CSV export both
/// read it from here, so a link, the grid and the file always agree. Parsing forgives: a value it cannot read is
/// ignored (the link still opens), never an error.
/// </summary>
/// <example><c>/deals?investor=softbank&amp;status=InTalks&amp;from=2025-01-01&amp;min=10000000000&amp;q=stargate&amp;sort=amount&amp;desc=true&amp;page=2&amp;size=50&amp;asOf=2025-02-01</c></example>
public sealed record DealQuery
{
    public const string InvestorKey = "investor";
    public const string TargetKey = "target";
    public const string StatusKey = "status";
    public const string KindKey = "kind";
    public const string FromKey = "from";
    public const string ToKey = "to";
    public const string MinKey = "min";
    public const string MaxKey = "max";
    public const string TextKey = "q";
    public const string SortKey = "sort";
    public const string DescendingKey = "desc";
    public const string PageKey = "page";
    public const string SizeKey = "size";
    public const string AfterKey = "after";
    public const string BeforeKey = "before";
    public const string AsOfKey = "asOf";

    public const int DefaultPageSize = 25;
    public const int MaxTextLength = 200;

    // Longer than any cursor the list writes.
    private const int MaxCursorLength = 1024;

    // More values than a person picks by hand: a longer list is a crafted link, and each slug is one more SQL parameter.
    private const int MaxValuesPerKey = 50;

    private const string DateFormat = "yyyy-MM-dd";

    public static IReadOnlyList<int> PageSizes { get; } = [25, 50, 100];

    public static DealQuery Default { get; } = new();

    public IReadOnlyList<string> Investors { get; init; } = [];

    public IReadOnlyList<string> Targets { get; init; } = [];

    public IReadOnlyList<DealStatus> Statuses { get; init; } = [];

    public IReadOnlyList<DealKind> Kinds { get; init; } = [];

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public long? MinAmount { get; init; }

    public long? MaxAmount { get; init; }

    public string? Text { get; init; }

    public DealSortField Sort { get; init; } = DealSortField.Announced;

    public bool Descending { get; init; } = true;

    /// <summary>One-based, as people count pages.</summary>
    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>
    /// The cursor of the row this page follows (next) or precedes (previous): paging one page on reads from it by keyset,
    /// as cheap as the first page. Only on a page after the first, and only with the page number it was written for.
    /// </summary>
    public string? After { get; init; }

    public string? Before { get; init; }

    /// <summary>A past day: the list as it stood at the end of it (not a filter: every view of the list has its past).</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>Whether any filter narrows the list (sort and page do not).</summary>
    public bool HasFilters =>
        Investors.Count > 0 || Targets.Count > 0 || Statuses.Count > 0 || Kinds.Count > 0
        || From is not null || To is not null || MinAmount is not null || MaxAmount is not null || Text is not null;

    /// <summary>How many filters narrow the list: each investor, target, status and kind, and each other field set.</summary>
    public int FilterCount =>
        Investors.Count + Targets.Count + Statuses.Count + Kinds.Count
        + (From is null ? 0 : 1) + (To is null ? 0 : 1) + (MinAmount is null ? 0 : 1) + (MaxAmount is null ? 0 : 1) + (Text is null ? 0 : 1);

    /// <summary>The view of an address such as <c>https://host/deals?status=InTalks</c>.</summary>
    public static DealQuery FromUri(string uri) => FromQuery(QueryHelpers.ParseQuery(new Uri(uri).Query));

    /// <summary>The view of a parsed query string, from the page's address or an HTTP request.</summary>
    public static DealQuery FromQuery(IEnumerable<KeyValuePair<string, StringValues>> query)
    {
        var values = query
            .GroupBy(p => p.Key, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.SelectMany(p => p.Value).OfType<string>().ToList(), StringComparer.OrdinalIgnoreCase);
        IEnumerable<string> All(string key) =>
            values.TryGetValue(key, out var list) ? list.Select(v => v.Trim()).Where(v => v.Length > 0) : [];
        string? First(string key) => All(key).FirstOrDefault();

        var sort = ParseEnum<DealSortField>(First(SortKey)) ?? DealSortField.Announced;
        var size = int.TryParse(First(SizeKey), NumberStyles.None, CultureInfo.InvariantCulture, out var s) && PageSizes.Contains(s) ? s : DefaultPageSize;
        var text = First(TextKey);
        return new DealQuery
        {
            Investors = Slugs(All(InvestorKey)),
            Targets = Slugs(All(TargetKey)),
            Statuses = [.. All(StatusKey).Select(ParseEnum<DealStatus>).OfType<DealStatus>().Distinct().Take(MaxValuesPerKey)],
            Kinds = [.. All(KindKey).Select(ParseEnum<DealKind>).OfType<DealKind>().Distinct().Take(MaxValuesPerKey)],
            From = ParseDate(First(FromKey)),
            To = ParseDate(First(ToKey)),
            MinAmount = ParseDollars(First(MinKey)),
            MaxAmount = ParseDollars(First(MaxKey)),
            Text = text is null ? null : text[..Math.Min(text.Length, MaxTextLength)],
            Sort = sort,
            Descending = bool.TryParse(First(DescendingKey), out var descending) ? descending : DescendsFirst(sort),
            Page = int.TryParse(First(PageKey), NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page >= 1 ? page : 1,
            PageSize = size,
            After = Cursor(First(AfterKey)),
            Before = Cursor(First(BeforeKey)),
            AsOf = ParseDate(First(AsOfKey)),
        };
    }

    /// <summary>
    /// The direction a column sorts in when first chosen: newest and largest first, the alphabet and a deal's life
    /// from the start.
    /// </summary>
    public static bool DescendsFirst(DealSortField sort) => sort is DealSortField.Announced or DealSortField.Amount;

    /// <summary>The query string of this view, "?…" (or empty for the default view), leaving out what is the default.</summary>
    public string ToQueryString()
    {
        var query = new QueryBuilder();
        foreach (var slug in Investors)
        {
            query.Add(InvestorKey, slug);
        }

        foreach (var slug in Targets)
        {
            query.Add(TargetKey, slug);
        }

        foreach (var status in Statuses)
        {
            query.Add(StatusKey, status.ToString());
        }

        foreach (var kind in Kinds)
        {
            query.Add(KindKey, kind.ToString());
        }

        AddIf(query, FromKey, From?.ToString(DateFormat, CultureInfo.InvariantCulture));
        AddIf(query, ToKey, To?.ToString(DateFormat, CultureInfo.InvariantCulture));
        AddIf(query, MinKey, MinAmount?.ToString(CultureInfo.InvariantCulture));
        AddIf(query, MaxKey, MaxAmount?.ToString(CultureInfo.InvariantCulture));
        AddIf(query, TextKey, Text);
        AddIf(query, SortKey, Sort == DealSortField.Announced ? null : Sort.ToString().ToLowerInvariant());
        AddIf(query, DescendingKey, Descending == DescendsFirst(Sort) ? null : Descending ? "true" : "false");
        AddIf(query, PageKey, Page == 1 ? null : Page.ToString(CultureInfo.InvariantCulture));
        AddIf(query, SizeKey, PageSize == DefaultPageSize ? null : PageSize.ToString(CultureInfo.InvariantCulture));
        AddIf(query, AfterKey, Page == 1 ? null : After);
        AddIf(query, BeforeKey, Page == 1 || After is not null ? null : Before);
        AddIf(query, AsOfKey, AsOf?.ToString(DateFormat, CultureInfo.InvariantCulture));
        return query.ToString();
    }

    /// <summary>The deal list's address for this view.</summary>
    public string ListHref() => "/deals" + ToQueryString();

    /// <summary>The same filters and sort on the first page: what a change of filter leads to.</summary>
    public DealQuery FirstPage() => AtPage(1);

    /// <summary>A page by its number alone, read by skipping the rows before it.</summary>
    public DealQuery AtPage(int page) => this with { Page = page, After = null, Before = null };

    /// <summary>The view sorted by a column: the same column again flips the direction.</summary>
    public DealQuery SortedBy(DealSortField field) =>
        AtPage(1) with { Sort = field, Descending = field == Sort ? !Descending : DescendsFirst(field) };

    /// <summary>No filter, but the same sort, page size and day.</summary>
    public DealQuery Cleared() => Default with { Sort = Sort, Descending = Descending, PageSize = PageSize, AsOf = AsOf };

    public DealFilter ToFilter() => new()
    {
        Investors = Investors,
        Targets = Targets,
        Statuses = Statuses,
        Kinds = Kinds,
        AnnouncedFrom = From,
        AnnouncedTo = To,
        MinAmount = MinAmount,
        MaxAmount = MaxAmount,
        Text = Text,
        Sort = Sort,
        Descending = Descending,
    };

    public PageRequest ToPageRequest() => new(Page - 1, PageSize);

    /// <summary>
    /// The page by keyset when the address holds a cursor this sort wrote, else by its number (skipping the rows before
    /// it: a jump to page N reads the N × size rows before it). A cursor that does not read is ignored, as any bad value.
    /// </summary>
    public DealPageRequest ToPageRequest(DealFilter filter)
    {
        if (Page > 1 && DealCursor.TryParse(After, filter, out var after))
        {
            return new DealPageRequest { After = after, PageSize = PageSize };
        }

        if (Page > 1 && DealCursor.TryParse(Before, filter, out var before))
        {
            return new DealPageRequest { Before = before, PageSize = PageSize };
        }

        return new DealPageRequest { Skip = ToPageRequest().Skip, PageSize = PageSize };
    }

    private static string? Cursor(string? text) => text is { Length: <= MaxCursorLength } ? text : null;

    private static void AddIf(QueryBuilder query, string key, string? value)
    {
        if (value is not null)
        {
            query.Add(key, value);
        }
    }

    private static List<string> Slugs(IEnumerable<string> values) =>
        [.. values.Select(v => v.ToLowerInvariant()).Distinct(StringComparer.Ordinal).Take(MaxValuesPerKey)];

    // By name only, in any case: Enum.TryParse would also take "1" or "Rumored,InTalks", which are not names.
    private static TEnum? ParseEnum<TEnum>(string? text)
        where TEnum : struct, Enum =>
        text is null
            ? null
            : Enum.GetValues<TEnum>().Select(v => (TEnum?)v).FirstOrDefault(v => string.Equals(v.ToString(), text, StringComparison.OrdinalIgnoreCase));

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    // Whole dollars in digits. A figure above the largest amount (however many digits) reads as the largest amount, as
    // the filter boxes write no more: the link still opens with its filter, and the view's figures stay within a long.
    private static long? ParseDollars(string? text) =>
        string.IsNullOrEmpty(text) || !text.All(char.IsAsciiDigit) ? null
        : long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var dollars) ? Math.Min(dollars, AmountRange.MaxFigure)
        : AmountRange.MaxFigure;
}
