using AiDeals.Core.Features.Accounts;
using AiDeals.Core.Features.Deals;
using AiDeals.Core.Tests.Support;

namespace AiDeals.Core.Tests;

/// <summary>Paging the deal list by cursor: every row once, in the list's order, forwards and back, whatever others write.</summary>
public class DealKeysetTests
{
    private static readonly Actor Analyst = Actor.Create("ann@aideals.local", Roles.Analyst);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static TheoryData<DealSortField, bool> Sorts()
    {
        var data = new TheoryData<DealSortField, bool>();
        foreach (var field in Enum.GetValues<DealSortField>())
        {
            data.Add(field, false);
            data.Add(field, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Sorts))]
    public async Task NextThenPrevious_PagesOfTwo_WalkTheWholeListOnceEachWay(DealSortField sort, bool descending)
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var filter = new DealFilter { Sort = sort, Descending = descending };
        var whole = (await database.Deals.SearchAsync(filter, new DealPageRequest { PageSize = 500 }, Token)).Items.Select(d => d.Id).ToList();

        var pages = new List<DealPage>();
        var page = await database.Deals.SearchAsync(filter, new DealPageRequest { PageSize = 2 }, Token);
        Assert.Null(page.Previous);
        pages.Add(page);
        while (page.Next is { } next)
        {
            page = await database.Deals.SearchAsync(filter, new DealPageRequest { After = Reparsed(next, filter), PageSize = 2 }, Token);
            pages.Add(page);
        }

        Assert.Equal(whole, pages.SelectMany(p => p.Items).Select(d => d.Id));
        Assert.True(pages.Count > 2);

        var back = new List<DealPage> { page };
        while (page.Previous is { } previous)
        {
            page = await database.Deals.SearchAsync(filter, new DealPageRequest { Before = Reparsed(previous, filter), PageSize = 2 }, Token);
            back.Add(page);
        }

        back.Reverse();
        Assert.Equal(pages.Select(p => p.Items.Select(d => d.Id).ToList()), back.Select(p => p.Items.Select(d => d.Id).ToList()));
    }

    [Fact]
    public async Task Next_AfterADealSortingBeforeTheCursorIsAdded_NeitherRepeatsNorSkipsARow()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var filter = new DealFilter { Sort = DealSortField.Title, Descending = false };
        var before = (await database.Deals.SearchAsync(filter, new DealPageRequest { PageSize = 500 }, Token)).Items.Select(d => d.Id).ToList();
        var first = await database.Deals.SearchAsync(filter, new DealPageRequest { PageSize = 4 }, Token);

        var form = await DealFixtures.NewFormAsync(database);
        form.Title = "0 first by title";
        Assert.True((await database.Commands.RunAsync(Analyst, new CreateDeal(form), Token)).IsSaved);
        var second = await database.Deals.SearchAsync(filter, new DealPageRequest { After = first.Next, PageSize = 4 }, Token);

        Assert.Equal(before.Skip(4).Take(4), second.Items.Select(d => d.Id));
    }

    [Fact]
    public async Task Skip_NumberedPage_GivesCursorsThatContinueByKeyset()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var filter = new DealFilter();
        var whole = (await database.Deals.SearchAsync(filter, new DealPageRequest { PageSize = 500 }, Token)).Items.Select(d => d.Id).ToList();

        var third = await database.Deals.SearchAsync(filter, new DealPageRequest { Skip = 2, PageSize = 2 }, Token);
        var fourth = await database.Deals.SearchAsync(filter, new DealPageRequest { After = third.Next, PageSize = 2 }, Token);
        var second = await database.Deals.SearchAsync(filter, new DealPageRequest { Before = third.Previous, PageSize = 2 }, Token);

        Assert.Equal(6, whole.Count);
        Assert.Equal(whole.Skip(2).Take(2), third.Items.Select(d => d.Id));
        Assert.Equal(whole.Skip(4).Take(2), fourth.Items.Select(d => d.Id));
        Assert.Equal(whole.Take(2), second.Items.Select(d => d.Id));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a cursor")]
    [InlineData("%%%")]
    [InlineData("MXwwfGR8MTJ8")]
    [InlineData("MnwwfGR8MTJ8czIwMjQtMDEtMDE")]
    [InlineData("MXwwfGR8MTJ8c25vdC1hLWRhdGU")]
    [InlineData("MXwwfGR8LTF8czIwMjQtMDEtMDE")]
    public void TryParse_TextItDidNotWrite_IsRejected(string text)
    {
        Assert.False(DealCursor.TryParse(text, new DealFilter(), out var cursor));
        Assert.Null(cursor);
    }

    [Fact]
    public async Task TryParse_CursorOfAnotherSort_IsRejected()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var byTitle = new DealFilter { Sort = DealSortField.Title, Descending = false };
        var page = await database.Deals.SearchAsync(byTitle, new DealPageRequest { PageSize = 2 }, Token);
        var text = page.Next!.ToString();

        Assert.True(DealCursor.TryParse(text, byTitle, out _));
        Assert.False(DealCursor.TryParse(text, byTitle with { Descending = true }, out _));
        Assert.False(DealCursor.TryParse(text, new DealFilter { Sort = DealSortField.Amount }, out _));
        Assert.False(DealCursor.TryParse(text + "x", byTitle, out _));
        Assert.Matches("^[A-Za-z0-9_-]+$", text);
    }

    // Through its text form, as a link or an API client hands it back.
    private static DealCursor Reparsed(DealCursor cursor, DealFilter filter)
    {
        Assert.True(DealCursor.TryParse(cursor.ToString(), filter, out var read));
        return read;
    }
}
