using System.Text.Json.Nodes;
using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Deals;
using AiDeals.Core.Features.Organizations;
using AiDeals.Core.Tests.Support;

namespace AiDeals.Core.Tests;

/// <summary>Every filter of the deal list on the article's deal book, whose six deals the expectations name.</summary>
public sealed class DealFilterTests : IAsyncLifetime
{
    private const string Partnership = "SoftBank–OpenAI AI partnership";
    private const string Equity = "SoftBank direct investment in OpenAI";
    private const string StargateCommitment = "SoftBank commitment to Stargate";
    private const string StargateProject = "Stargate AI data-center project";
    private const string MicrosoftOpenAi = "Microsoft backing of OpenAI";
    private const string WeWork = "SoftBank investment in WeWork";
    private const long Billion = 1_000_000_000;

    private readonly List<JsonObject> _deals = SeedData.ReadDealBook().Objects("deals").ToList();
    private TestDatabase? _database;

    private DealQueries Deals => _database!.Deals;

    private OrganizationLookups Lookups => _database!.Lookups;

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateSeededAsync();

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task SearchAsync_TargetOpenAi_ReturnsTheDealsIntoOpenAi()
    {
        var expected = TitlesWhere(d => d.Text("target") == "openai");

        var titles = await TitlesAsync(new DealFilter { Targets = ["openai"] });

        Assert.Equal([MicrosoftOpenAi, Equity, Partnership], expected);
        Assert.Equal(expected, titles);
    }

    [Fact]
    public async Task SearchAsync_TwoTargets_ReturnsDealsIntoEither()
    {
        var titles = await TitlesAsync(new DealFilter { Targets = ["stargate", "wework"] });

        Assert.Equal([StargateCommitment, WeWork, StargateProject], titles);
    }

    [Fact]
    public async Task SearchAsync_KindEquityInvestment_ReturnsOnlyEquityInvestments()
    {
        var expected = TitlesWhere(d => d.Text("kind") == nameof(DealKind.EquityInvestment));

        var titles = await TitlesAsync(new DealFilter { Kinds = [DealKind.EquityInvestment] });

        Assert.Equal(3, expected.Count);
        Assert.Equal(expected, titles);
    }

    [Fact]
    public async Task SearchAsync_TwoKinds_ReturnsDealsOfEither()
    {
        var titles = await TitlesAsync(new DealFilter { Kinds = [DealKind.Partnership, DealKind.InfrastructureCommitment] });

        Assert.Equal([StargateCommitment, Partnership, StargateProject], titles);
    }

    [Fact]
    public async Task SearchAsync_FromMidJanuary2025_MatchesDealsAnnouncedInThatMonthAndTheDayDealAfterIt()
    {
        // Three deals are known only to "Jan 2025": their month overlaps a range from 15 Jan. Stargate was announced on 21 Jan.
        var titles = await TitlesAsync(new DealFilter { AnnouncedFrom = new DateOnly(2025, 1, 15) });

        Assert.Equal([StargateCommitment, Equity, Partnership, StargateProject], titles);
    }

    [Fact]
    public async Task SearchAsync_FromTheDayAfterStargate_KeepsTheMonthDealsAndDropsTheDayDeal()
    {
        var titles = await TitlesAsync(new DealFilter { AnnouncedFrom = new DateOnly(2025, 1, 22) });

        Assert.Equal([StargateCommitment, Equity, Partnership], titles);
    }

    [Fact]
    public async Task SearchAsync_RangeInsideTheYear2019_MatchesTheDealKnownOnlyTo2019()
    {
        var titles = await TitlesAsync(new DealFilter { AnnouncedFrom = new DateOnly(2019, 6, 30), AnnouncedTo = new DateOnly(2019, 7, 1) });

        Assert.Equal([MicrosoftOpenAi], titles);
    }

    [Fact]
    public async Task SearchAsync_ToEndOf2018_MatchesOnlyTheDealAnnouncedIn2017()
    {
        var titles = await TitlesAsync(new DealFilter { AnnouncedTo = new DateOnly(2018, 12, 31) });

        Assert.Equal([WeWork], titles);
    }

    [Fact]
    public async Task SearchAsync_ToTheFirstOfJanuary2025_MatchesTheMonthDealsThatStartThatDay()
    {
        var titles = await TitlesAsync(new DealFilter { AnnouncedFrom = new DateOnly(2025, 1, 1), AnnouncedTo = new DateOnly(2025, 1, 1) });

        Assert.Equal([StargateCommitment, Equity, Partnership], titles);
    }

    [Fact]
    public async Task SearchAsync_FromAfterEveryDeal_ReturnsNothing()
    {
        var result = await Deals.SearchAsync(new DealFilter { AnnouncedFrom = new DateOnly(2025, 2, 1) }, new PageRequest(), TestContext.Current.CancellationToken);

        Assert.Empty(result.Items);
        Assert.Equal(0, result.TotalCount);
    }

    [Fact]
    public async Task SearchAsync_AtLeast20Billion_ComparesTheHighEnd()
    {
        // 15–25B may reach 20B; "more than 40B" has only a low end, which is above; 16B and 15B are below; undisclosed never matches.
        var expected = TitlesWhere(d => (d["amount"].Long("high") ?? d["amount"].Long("low")) >= 20 * Billion);

        var titles = await TitlesAsync(new DealFilter { MinAmount = 20 * Billion });

        Assert.Equal([Equity, Partnership, StargateProject], titles);
        Assert.Equal(expected, titles);
    }

    [Fact]
    public async Task SearchAsync_AtMost20Billion_ComparesTheLowEnd()
    {
        var expected = TitlesWhere(d => (d["amount"].Long("low") ?? d["amount"].Long("high")) <= 20 * Billion);

        var titles = await TitlesAsync(new DealFilter { MaxAmount = 20 * Billion });

        Assert.Equal([StargateCommitment, Equity, WeWork], titles);
        Assert.Equal(expected, titles);
    }

    [Fact]
    public async Task SearchAsync_AtLeastAndAtMost20Billion_MatchesTheRangeThatStraddlesIt()
    {
        var titles = await TitlesAsync(new DealFilter { MinAmount = 20 * Billion, MaxAmount = 20 * Billion });

        Assert.Equal([Equity], titles);
    }

    [Fact]
    public async Task SearchAsync_ExactAmountBounds_IncludeTheBound()
    {
        var titles = await TitlesAsync(new DealFilter { MinAmount = 16 * Billion, MaxAmount = 16 * Billion });

        Assert.Equal([Equity, WeWork], titles);
    }

    [Theory]
    [InlineData("stargate")]
    [InlineData("STARGATE")]
    [InlineData("StarGate")]
    public async Task SearchAsync_TextInAnyCase_MatchesTitlesAndNotes(string text)
    {
        var expected = TitlesWhere(d => Mentions(d, "stargate"));

        var titles = await TitlesAsync(new DealFilter { Text = text });

        // The partnership's title does not say Stargate; its notes do.
        Assert.Contains(Partnership, expected);
        Assert.Equal([StargateCommitment, Partnership, StargateProject], expected);
        Assert.Equal(expected, titles);
    }

    [Fact]
    public async Task SearchAsync_TwoWords_MatchesDealsMentioningBoth()
    {
        var expected = TitlesWhere(d => Mentions(d, "microsoft") && Mentions(d, "largest"));

        var titles = await TitlesAsync(new DealFilter { Text = "  microsoft   LARGEST " });

        Assert.Equal([MicrosoftOpenAi, Equity], expected);
        Assert.Equal(expected, titles);
    }

    [Theory]
    [InlineData("Soft%Bank")]
    [InlineData("S_ftBank")]
    [InlineData("Soft\\Bank")]
    public async Task SearchAsync_TextWithLikeWildcards_FindsThemLiterallyNotAsWildcards(string text)
    {
        // Punctuation separates words: "Soft%Bank" is the phrase "soft bank", which no deal holds ("SoftBank" is one word).
        var result = await Deals.SearchAsync(new DealFilter { Text = text }, new PageRequest(), TestContext.Current.CancellationToken);

        Assert.Empty(result.Items);
        Assert.Equal(0, result.TotalCount);
    }

    [Fact]
    public async Task SearchAsync_TextWithPercentThatIsInTheNotes_FindsIt()
    {
        await using (var db = await _database!.CreateContextAsync())
        {
            var deal = db.Deals.Single(d => d.Title == WeWork);
            deal.Notes = "Took 37% of the 100_000 desks.";
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal([WeWork], await TitlesAsync(new DealFilter { Text = "37%" }));
        Assert.Equal([WeWork], await TitlesAsync(new DealFilter { Text = "100_000" }));
        Assert.Empty(await TitlesAsync(new DealFilter { Text = "37%x" }));
    }

    [Fact]
    public async Task SearchAsync_EveryFilterAtOnce_ReturnsTheDealMatchingAll()
    {
        var filter = new DealFilter
        {
            Investors = ["softbank"],
            Targets = ["openai"],
            Statuses = [DealStatus.InTalks],
            Kinds = [DealKind.EquityInvestment],
            AnnouncedFrom = new DateOnly(2025, 1, 15),
            AnnouncedTo = new DateOnly(2025, 12, 31),
            MinAmount = 10 * Billion,
            MaxAmount = 20 * Billion,
            Text = "openai",
        };

        var result = await Deals.SearchAsync(filter, new PageRequest(), TestContext.Current.CancellationToken);

        var deal = Assert.Single(result.Items);
        Assert.Equal(Equity, deal.Title);
        Assert.Equal(1, result.TotalCount);
    }

    [Fact]
    public async Task SearchAsync_SortByInvestors_OrdersByTheFirstInvestorShown()
    {
        var result = await Deals.SearchAsync(
            new DealFilter { Sort = DealSortField.Investors, Descending = false }, new PageRequest(), TestContext.Current.CancellationToken);

        // Microsoft's deal first; then SoftBank's (Stargate's backers are OpenAI and SoftBank: OpenAI is shown first).
        Assert.Equal(MicrosoftOpenAi, result.Items[0].Title);
        Assert.Equal(StargateProject, result.Items[1].Title);
        Assert.Equal(["Microsoft", "OpenAI", "SoftBank Group", "SoftBank Group", "SoftBank Group", "SoftBank Group"], result.Items.Select(d => d.Investors[0].Name));
    }

    [Theory]
    [InlineData("softb")]
    [InlineData("SOFTBANK GROUP CORP.")]
    [InlineData("SoftBank Group Corp.")]
    [InlineData("  softbank  ")]
    public async Task ListInvestorsAsync_NameOrAliasInAnyCase_FindsSoftBank(string search)
    {
        var investors = await Lookups.InvestorsAsync(search, cancellationToken: TestContext.Current.CancellationToken);

        var softBank = Assert.Single(investors);
        Assert.Equal("softbank", softBank.Slug);
        Assert.Equal(5, softBank.DealCount);
    }

    [Fact]
    public async Task ListInvestorsAsync_AliasOfATargetOnly_FindsNothing()
    {
        // Stargate is only ever a target: it is not offered as an investor.
        Assert.Empty(await Lookups.InvestorsAsync("Stargate LLC", cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ListTargetsAsync_NoSearch_ListsTargetsMostTargetedFirst()
    {
        var targets = await Lookups.TargetsAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(["openai", "stargate", "wework"], targets.Select(t => t.Slug));
        Assert.Equal([3, 2, 1], targets.Select(t => t.DealCount));
        Assert.Equal(["Stargate LLC", "Stargate Project"], targets[1].Aliases);
    }

    [Fact]
    public async Task ListTargetsAsync_Alias_FindsTheTarget()
    {
        var targets = await Lookups.TargetsAsync("openai, inc", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(["openai"], targets.Select(t => t.Slug));
    }

    [Fact]
    public async Task ListInvestorsAsync_Limit_ReturnsTheMostActiveOnly()
    {
        var investors = await Lookups.InvestorsAsync(limit: 1, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(["softbank"], investors.Select(i => i.Slug));
    }

    [Fact]
    public async Task FindOrganizationsAsync_SlugsFromALink_ReturnsTheirNamesInOrderAndSkipsUnknownOnes()
    {
        var found = await Lookups.FindBySlugsAsync(["microsoft", "no-such-org", "softbank"], TestContext.Current.CancellationToken);

        Assert.Equal([new OrganizationRef("Microsoft", "microsoft"), new OrganizationRef("SoftBank Group", "softbank")], found);
    }

    private static bool Mentions(JsonObject deal, string word) =>
        deal.Text("title").Contains(word, StringComparison.OrdinalIgnoreCase)
        || (deal["notes"]?.GetValue<string>() ?? string.Empty).Contains(word, StringComparison.OrdinalIgnoreCase);

    private List<string> TitlesWhere(Func<JsonObject, bool> predicate) =>
        _deals.Where(predicate).Select(d => d.Text("title")).Order(StringComparer.Ordinal).ToList();

    /// <summary>The titles the filter returns, in ordinal order, after checking that the count agrees with them.</summary>
    private async Task<List<string>> TitlesAsync(DealFilter filter)
    {
        var result = await Deals.SearchAsync(filter, new PageRequest(), TestContext.Current.CancellationToken);
        Assert.Equal(result.Items.Count, result.TotalCount);
        return result.Items.Select(d => d.Title).Order(StringComparer.Ordinal).ToList();
    }
}
