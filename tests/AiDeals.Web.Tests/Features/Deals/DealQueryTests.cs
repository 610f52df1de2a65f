using AiDeals.Core.Domain;
using AiDeals.Core.Features.Deals;
using AiDeals.Web.Features.Deals;
using Microsoft.AspNetCore.WebUtilities;

namespace AiDeals.Web.Tests.Features.Deals;

/// <summary>The deal list's address: what it reads, what it writes, and that one gives back the other.</summary>
public sealed class DealQueryTests
{
    private const string Full = "?investor=softbank&investor=microsoft&target=openai&status=InTalks&kind=EquityInvestment"
        + "&from=2025-01-01&to=2025-12-31&min=10000000000&max=90000000000&q=stargate&sort=amount&desc=false&page=2&size=50";

    [Fact]
    public void FromQuery_EveryKey_ReadsEachIntoTheFilterAndPage()
    {
        var query = Parse(Full);

        var filter = query.ToFilter();
        Assert.Equal(["softbank", "microsoft"], filter.Investors);
        Assert.Equal(["openai"], filter.Targets);
        Assert.Equal([DealStatus.InTalks], filter.Statuses);
        Assert.Equal([DealKind.EquityInvestment], filter.Kinds);
        Assert.Equal(new DateOnly(2025, 1, 1), filter.AnnouncedFrom);
        Assert.Equal(new DateOnly(2025, 12, 31), filter.AnnouncedTo);
        Assert.Equal(10_000_000_000, filter.MinAmount);
        Assert.Equal(90_000_000_000, filter.MaxAmount);
        Assert.Equal("stargate", filter.Text);
        Assert.Equal(DealSortField.Amount, filter.Sort);
        Assert.False(filter.Descending);
        Assert.Equal(new AiDeals.Core.Features.PageRequest(1, 50), query.ToPageRequest());
    }

    [Fact]
    public void ToQueryString_EveryKey_WritesBackTheAddressItWasReadFrom()
    {
        Assert.Equal(Full, Parse(Full).ToQueryString());
    }

    [Fact]
    public void ToQueryString_DefaultView_IsEmpty()
    {
        Assert.Equal(string.Empty, DealQuery.Default.ToQueryString());
        Assert.Equal(string.Empty, Parse("?sort=announced&desc=true&page=1&size=25").ToQueryString());
    }

    [Theory]
    [InlineData("?sort=amount", DealSortField.Amount, true)]
    [InlineData("?sort=AMOUNT&desc=true", DealSortField.Amount, true)]
    [InlineData("?sort=title", DealSortField.Title, false)]
    [InlineData("?sort=status&desc=True", DealSortField.Status, true)]
    [InlineData("?sort=investors", DealSortField.Investors, false)]
    [InlineData("?sort=nonsense", DealSortField.Announced, true)]
    [InlineData("?sort=2", DealSortField.Announced, true)]
    [InlineData("?desc=false", DealSortField.Announced, false)]
    public void FromQuery_Sort_ReadsTheFieldAndItsNaturalDirection(string text, DealSortField sort, bool descending)
    {
        var query = Parse(text);

        Assert.Equal(sort, query.Sort);
        Assert.Equal(descending, query.Descending);
    }

    [Theory]
    [InlineData("?status=1")]
    [InlineData("?status=-1")]
    [InlineData("?status=Rumored,InTalks")]
    [InlineData("?status=")]
    [InlineData("?status=Sold")]
    public void FromQuery_StatusThatIsNotAName_IsIgnored(string text)
    {
        Assert.Empty(Parse(text).Statuses);
    }

    [Fact]
    public void FromQuery_NamesInAnyCaseAndRepeated_AreReadOnce()
    {
        var query = Parse("?status=intalks&status=InTalks&kind=equityinvestment&investor=SoftBank&investor=softbank");

        Assert.Equal([DealStatus.InTalks], query.Statuses);
        Assert.Equal([DealKind.EquityInvestment], query.Kinds);
        Assert.Equal(["softbank"], query.Investors);
    }

    [Theory]
    [InlineData("?from=2025-13-01&to=01/02/2025&min=-5&max=1e9&page=0&size=10")]
    [InlineData("?from=&to=&min=&max=&q=%20%20&page=x&size=")]
    public void FromQuery_UnreadableValues_AreIgnoredNotErrors(string text)
    {
        var query = Parse(text);

        Assert.Equal(DealQuery.Default with { }, query with { Investors = [], Targets = [], Statuses = [], Kinds = [] });
        Assert.False(query.HasFilters);
        Assert.Equal(1, query.Page);
        Assert.Equal(DealQuery.DefaultPageSize, query.PageSize);
    }

    [Fact]
    public void FromQuery_VeryLongText_IsCut()
    {
        var query = Parse("?q=" + new string('a', 1000));

        Assert.Equal(DealQuery.MaxTextLength, query.Text!.Length);
    }

    [Fact]
    public void ToQueryString_TextWithReservedCharacters_IsEncodedAndReadsBack()
    {
        var query = DealQuery.Default with { Text = "50% & more #1 ü", Investors = ["a&b"] };

        var text = query.ToQueryString();

        Assert.DoesNotContain(" ", text, StringComparison.Ordinal);
        Assert.Equal("50% & more #1 ü", Parse(text).Text);
        Assert.Equal(["a&b"], Parse(text).Investors);
    }

    [Fact]
    public void SortedBy_SameColumn_TurnsTheDirectionRoundAndOtherColumnStartsInItsOwn()
    {
        var byAmount = (DealQuery.Default with { Page = 3 }).SortedBy(DealSortField.Amount);

        Assert.Equal((DealSortField.Amount, true, 1), (byAmount.Sort, byAmount.Descending, byAmount.Page));
        Assert.False(byAmount.SortedBy(DealSortField.Amount).Descending);
        Assert.False(byAmount.SortedBy(DealSortField.Title).Descending);
    }

    [Fact]
    public void Cleared_FilteredSortedView_KeepsSortAndPageSizeOnly()
    {
        Assert.Equal("?sort=amount&desc=false&size=50", Parse(Full).Cleared().ToQueryString());
    }

    private static DealQuery Parse(string text) => DealQuery.FromQuery(QueryHelpers.ParseQuery(text));
}
