using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using AiDeals.Web.Features.Deals;
using AiDeals.Web.Tests.Support;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;

namespace AiDeals.Web.Tests.Features.Deals;

/// <summary>
/// A new filter chosen in the open list shows its rows as soon as they are read, then its count and total: every render
/// of the list is kept and read in order.
/// </summary>
public sealed partial class DealListRowsFirstTests(SeededDatabase database) : MudBunitContext(database), IClassFixture<SeededDatabase>
{
    private BunitNavigationManager Navigation => Services.GetRequiredService<BunitNavigationManager>();

    [Fact]
    public void FilterChange_InTheOpenList_ShowsTheRowsWhileCountingThenTheCountAndTotal()
    {
        var cut = RenderPage<DealList>();
        cut.WaitForAssertion(() => Assert.Equal("6 deals", DealCount(cut.Markup)));
        var renders = Renders(cut);

        Navigation.NavigateTo("deals?investor=microsoft");

        cut.WaitForAssertion(() => Assert.Equal("1 deal", DealCount(cut.Markup)));
        var counting = renders.Where(markup => DealCount(markup) == "Counting…").ToList();
        Assert.NotEmpty(counting);
        Assert.All(counting, markup =>
        {
            Assert.Equal(["Microsoft backing of OpenAI"], Titles(markup));
            Assert.Contains("Counting these deals and their total…", markup, StringComparison.Ordinal);
            Assert.Contains("1–1 of …", markup, StringComparison.Ordinal);
        });
        // The rows came before the count: no render shows the count with any other rows.
        Assert.All(renders.Where(markup => DealCount(markup) == "1 deal"), markup => Assert.Equal(["Microsoft backing of OpenAI"], Titles(markup)));
        Assert.Contains("Total of these deals, each dollar once:", cut.Find("[data-testid=list-total]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void FilterChange_BackToTheCountedViewWhileCounting_CountsItAgain()
    {
        var cut = RenderPage<DealList>();
        Navigation.NavigateTo("deals?status=InTalks");
        cut.WaitForAssertion(() => Assert.Equal("3 deals", DealCount(cut.Markup)));
        var back = false;
        cut.OnMarkupUpdated += (_, _) =>
        {
            // The reader goes back while the new view's rows are shown and its count is still being read.
            if (!back && DealCount(cut.Markup) == "Counting…")
            {
                back = true;
                Navigation.NavigateTo("deals?status=InTalks");
            }
        };

        Navigation.NavigateTo("deals?status=InTalks&kind=Partnership");

        cut.WaitForAssertion(() => Assert.True(back));
        cut.WaitForAssertion(() => Assert.Equal(3, Titles(cut.Markup).Count));
        cut.WaitForAssertion(() => Assert.Equal("3 deals", DealCount(cut.Markup)));
    }

    [Fact]
    public void SortChange_SameFilters_KeepsTheCountItHas()
    {
        var cut = RenderPage<DealList>();
        cut.WaitForAssertion(() => Assert.Equal("6 deals", DealCount(cut.Markup)));
        var renders = Renders(cut);

        Navigation.NavigateTo("deals?sort=title&desc=false");

        cut.WaitForAssertion(() => Assert.Equal("/deals?sort=title&desc=true", cut.Find("[data-testid=sort-title]").GetAttribute("href")));
        Assert.NotEmpty(renders);
        Assert.DoesNotContain(renders, markup => DealCount(markup) == "Counting…");
        Assert.Equal("6 deals", DealCount(cut.Markup));
    }

    // Renders go on arriving from the renderer's thread (on PostgreSQL the reads are truly asynchronous) while a test reads
    // them: a queue is read as a snapshot.
    private static ConcurrentQueue<string> Renders(IRenderedComponent<DealList> cut)
    {
        var renders = new ConcurrentQueue<string>();
        cut.OnMarkupUpdated += (_, _) => renders.Enqueue(cut.Markup);
        return renders;
    }

    private static string? DealCount(string markup) =>
        CountPattern().Match(markup) is { Success: true } match ? match.Groups[1].Value.Trim() : null;

    private static List<string> Titles(string markup) =>
        [.. TitlePattern().Matches(markup).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value.Trim()))];

    [GeneratedRegex("data-testid=\"deal-count\"[^>]*>([^<]*)<")]
    private static partial Regex CountPattern();

    [GeneratedRegex("deal-title-link\"><a [^>]*>([^<]*)<")]
    private static partial Regex TitlePattern();
}
