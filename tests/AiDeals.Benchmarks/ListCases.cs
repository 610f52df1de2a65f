using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Deals;
using Microsoft.Extensions.DependencyInjection;

namespace AiDeals.Benchmarks;

/// <summary>
/// The deal list's views: each sort both ways, each kind of filter, a deep page. The service way is what the list calls
/// before it shows the rows: DealQueries.SearchAsync for the page by keyset; the browser way is a navigation inside the
/// open list's circuit, as a click on a header or a filter is, to the view's rows in the grid. A new filter's count and
/// total come after its rows (CountAsync, then TotalAsync): the "count and total" cases time them, in the service and in
/// the browser (from the filter change to the count shown).
/// </summary>
internal static class ListCases
{
    /// <summary>The amount range of the range case: at least $1B, at most $2B (about 6% of the generated deals).</summary>
    private const long RangeMin = 1_000_000_000;
    private const long RangeMax = 2_000_000_000;

    /// <summary>Two words that each appear in a few titles only: every row must be looked at unless an index finds them.</summary>
    private const string Text = "helix 21523";

    /// <summary>
    /// Texts many deals match: "helix" is in one in eight (126,403), so its page walks the sort's index; "atlas cobalt"
    /// in one in 67 (14,835), whose matches are all sorted; "21" starts more numbers than the list reads words for, so it
    /// stays a prefix (79,129 matches, all sorted). Counted on the generator's million deals.
    /// </summary>
    private static readonly string[] CommonTexts = ["helix", "atlas cobalt", "21"];

    /// <summary>
    /// The cursor of the row before the deep page, as the list's "next page" link carries it: read once (an OFFSET walk
    /// of half the list), before anything is timed.
    /// </summary>
    public static async Task<DealCursor?> DeepCursorAsync(DealQueries deals, DataFacts facts)
    {
        var before = await deals.SearchAsync(new DealFilter(), new DealPageRequest { Skip = (facts.DeepPage - 1) * DataFacts.PageSize, PageSize = DataFacts.PageSize });
        return before.Next;
    }

    public static IEnumerable<BenchCase> All(BenchContext context, DealCursor? deepCursor)
    {
        var facts = context.Facts;
        var views = new List<(string Name, DealFilter Filter, int Page, string Url)>
        {
            ("list: default (newest first)", new DealFilter(), 0, "deals"),
            ("list: announced, oldest first", new DealFilter { Descending = false }, 0, "deals?desc=false"),
        };
        foreach (var (field, label) in new[]
        {
            (DealSortField.Amount, "amount"), (DealSortField.Title, "title"), (DealSortField.Status, "status"),
            (DealSortField.Target, "target"), (DealSortField.Investors, "investors"),
        })
        {
            var key = field.ToString().ToLowerInvariant();
            views.Add(($"list: by {label} asc", new DealFilter { Sort = field, Descending = false }, 0, $"deals?sort={key}&desc=false"));
            views.Add(($"list: by {label} desc", new DealFilter { Sort = field, Descending = true }, 0, $"deals?sort={key}&desc=true"));
        }

        views.Add(($"list: investor filter ({facts.FilterInvestorDeals} deals)", new DealFilter { Investors = [facts.FilterInvestor] }, 0,
            "deals?investor=" + Uri.EscapeDataString(facts.FilterInvestor)));
        views.Add((FormattableString.Invariant($"list: busy investor filter ({facts.BusyInvestorDeals:N0} deals)"), new DealFilter { Investors = [facts.BusyInvestor] }, 0,
            "deals?investor=" + Uri.EscapeDataString(facts.BusyInvestor)));
        views.Add(("list: status filter (in talks)", new DealFilter { Statuses = [DealStatus.InTalks] }, 0, "deals?status=InTalks"));
        views.Add(("list: amount $1B–2B", new DealFilter { MinAmount = RangeMin, MaxAmount = RangeMax }, 0,
            FormattableString.Invariant($"deals?min={RangeMin}&max={RangeMax}")));
        foreach (var text in (string[])[Text, .. CommonTexts])
        {
            views.Add(($"list: text \"{text}\"", new DealFilter { Text = text }, 0, "deals?q=" + Uri.EscapeDataString(text)));
        }

        views.Add((FormattableString.Invariant($"list: deep page ({facts.DeepPage + 1:N0})"), new DealFilter(), facts.DeepPage,
            FormattableString.Invariant($"deals?page={facts.DeepPage + 1}")
            + (deepCursor is null ? string.Empty : "&after=" + Uri.EscapeDataString(deepCursor.ToString()))));

        var deals = context.Services.GetRequiredService<DealQueries>();
        foreach (var (name, filter, page, url) in views)
        {
            var isDeep = page > 0;
            yield return new BenchCase(
                name,
                RawList.For(context.Raw, context.Schema, filter, page * DataFacts.PageSize, isDeep ? facts.DeepCursor : null),
                Service(deals, filter, isDeep ? new DealPageRequest { After = deepCursor, PageSize = DataFacts.PageSize } : FirstPage),
                context.InBrowser((browser, expected) => browser.ListViewAsync(url, expected)),
                "e2e (filter → rows)");
        }

        // What follows the rows of a new filter: its count (capped) and its total. No raw way: the limit of the rows has
        // no count to compare with.
        foreach (var (name, filter, _, url) in views.Where(v => v.Url == "deals" || Filtered.Any(v.Url.Contains)))
        {
            yield return new BenchCase(
                name.Replace("list: ", "count and total: ", StringComparison.Ordinal),
                Way.NotAvailable("n/a (rows only)"),
                CountAndTotal(deals, filter),
                context.InBrowser((browser, expected) => browser.ListViewAsync(url, expected, counted: true)),
                "e2e (filter → count)");
        }

        // The same first view as a page load: from the navigation to the rows in the grid, circuit start included.
        yield return new BenchCase(
            "list: page load /deals",
            RawList.For(context.Raw, context.Schema, new DealFilter(), 0, null),
            Service(deals, new DealFilter(), FirstPage),
            context.InBrowser((browser, expected) => browser.PageLoadAsync("deals", "rows", expected)),
            "e2e (load → rows)");
    }

    // The views whose filters change the count: an investor, a status, an amount range, a text.
    private static readonly string[] Filtered = ["?investor=", "?status=", "?min=", "?q="];

    private static DealPageRequest FirstPage { get; } = new() { PageSize = DataFacts.PageSize };

    // What the list reads before it shows the rows: the page.
    private static Way Service(DealQueries deals, DealFilter filter, DealPageRequest request) => Way.Of(async _ =>
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var page = await deals.SearchAsync(filter, request);
        var elapsed = clock.Elapsed.TotalMilliseconds;
        return new Sample(elapsed, page.Items.Count) { FirstTitle = page.Items.Count > 0 ? page.Items[0].Title : null };
    });

    // What it reads after them for a new filter: the count and the union total (up to 10,000 deals). The rows of the
    // sample are the page's, for the browser to recognise the view.
    private static Way CountAndTotal(DealQueries deals, DealFilter filter) => Way.Of(async _ =>
    {
        var page = await deals.SearchAsync(filter, FirstPage);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        if (await deals.CountAsync(filter) is { IsAtLeast: false } count)
        {
            await deals.TotalAsync(filter, count);
        }

        var elapsed = clock.Elapsed.TotalMilliseconds;
        return new Sample(elapsed, page.Items.Count) { FirstTitle = page.Items.Count > 0 ? page.Items[0].Title : null };
    });
}
