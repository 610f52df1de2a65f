using AiDeals.Core.Data;
using AiDeals.Core.Data.Search;
using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Accounts;
using AiDeals.Core.Features.Deals;
using AiDeals.Core.Features.Organizations;
using AiDeals.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Tests;

/// <summary>
/// The deal list's free text through its FTS5 index: words found as the start of a word in the title, the notes and
/// the names and aliases of the deal's organizations, the index kept by its triggers through every write that changes
/// what it holds, and nothing a person types read as FTS5 syntax. Each search runs both ways the app runs it (the
/// list's keyset page with its count, and the LINQ query of the numbered page and the export) and must agree.
/// </summary>
public sealed class DealTextSearchTests : IAsyncLifetime
{
    private const string Stranger = "Quillfeather Capital";

    private static readonly Actor Analyst = Actor.Create("ann@aideals.local", Roles.Analyst);

    private TestDatabase? _database;

    private TestDatabase Database => _database!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateSeededAsync();

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("starg")]
    [InlineData("STARGATE")]
    [InlineData("Stargäte")]
    public async Task Search_StartOfAWordInAnyCaseOrAccent_FindsTheDealsMentioningIt(string text)
    {
        Assert.Equal(await TitlesAsync("stargate"), await TitlesAsync(text));
        Assert.Contains(DealFixtures.StargateProject, await TitlesAsync(text));
    }

    [Fact]
    public async Task Search_MiddleOfAWord_FindsNothing()
    {
        Assert.NotEmpty(await TitlesAsync("stargate"));

        Assert.Empty(await TitlesAsync("argate"));
    }

    [Fact]
    public async Task Search_NameOfAnInvestorNotInTheText_FindsItsDeals()
    {
        var weWork = await DealFixtures.IdOfAsync(Database, DealFixtures.WeWork);
        await AddStrangerAsync(weWork);

        Assert.Equal([DealFixtures.WeWork], await TitlesAsync("quillfeather"));
        Assert.Equal([DealFixtures.WeWork], await TitlesAsync("capital quill"));
    }

    [Fact]
    public async Task Search_AfterRenameAliasAndRemoval_FollowsTheOrganization()
    {
        var weWork = await DealFixtures.IdOfAsync(Database, DealFixtures.WeWork);
        var stranger = await AddStrangerAsync(weWork);
        await using (var db = await Database.CreateContextAsync())
        {
            var organization = await db.Organizations.Include(o => o.Aliases).SingleAsync(o => o.Id == stranger, Token);
            organization.Name = "Inkwell Partners";
            organization.Aliases.Add(new OrganizationAlias { Name = "Inkwell LP" });
            await db.SaveChangesAsync(Token);
        }

        Assert.Empty(await TitlesAsync("quillfeather"));
        Assert.Equal([DealFixtures.WeWork], await TitlesAsync("inkwell partners"));
        Assert.Equal([DealFixtures.WeWork], await TitlesAsync("inkwell lp"));

        await using (var db = await Database.CreateContextAsync())
        {
            var participation = await db.DealParticipants.SingleAsync(p => p.OrganizationId == stranger, Token);
            participation.DeletedAt = DateTime.UtcNow;
            await db.SaveChangesAsync(Token);
        }

        Assert.Empty(await TitlesAsync("inkwell"));
        await AssertTriggersAgreeWithRebuildAsync();
    }

    [Fact]
    public async Task Search_AfterMerge_FindsTheSurvivorsDealsByTheMergedName()
    {
        var weWork = await DealFixtures.IdOfAsync(Database, DealFixtures.WeWork);
        var stranger = await AddStrangerAsync(weWork);
        var openAi = await DealFixtures.OrganizationIdAsync(Database, "OpenAI");
        List<string> openAiDeals;
        await using (var db = await Database.CreateContextAsync())
        {
            openAiDeals = await db.Deals
                .Where(d => d.TargetId == openAi || d.Participants.Any(p => p.OrganizationId == openAi))
                .Select(d => d.Title).ToListAsync(Token);
        }


        var result = await Database.Commands.RunAsync(Analyst, new MergeOrganizations(openAi, stranger), Token);

        Assert.Equal(CommandOutcome.Saved, result.Outcome);
        // The merged name is the survivor's alias now: it finds the survivor's deals, and the deal it took part in.
        var found = await TitlesAsync("quillfeather");
        Assert.Contains(DealFixtures.WeWork, found);
        Assert.NotEmpty(openAiDeals);
        Assert.Superset(openAiDeals.ToHashSet(), found.ToHashSet());
        await AssertTriggersAgreeWithRebuildAsync();
    }

    [Theory]
    [InlineData("\"openai\"")]
    [InlineData("\"openai")]
    [InlineData("openai*")]
    [InlineData("openai)")]
    [InlineData("(openai")]
    [InlineData("openai AND")]
    [InlineData("openai OR")]
    [InlineData("NOT openai")]
    [InlineData("-openai")]
    [InlineData("^openai")]
    [InlineData("title:openai")]
    [InlineData("NEAR(openai")]
    [InlineData("{openai}")]
    public async Task Search_Fts5SyntaxTyped_IsReadAsWords(string text)
    {
        var expected = await TitlesAsync("openai");
        var found = await TitlesAsync(text);

        // What is left of the syntax is words to find (AND, OR, NOT, NEAR, title): a subset of the deals that mention OpenAI.
        Assert.NotEmpty(expected);
        Assert.Subset(expected.ToHashSet(), found.ToHashSet());
    }

    [Theory]
    [InlineData(DealTextSearch.MostLongerWords - 1)]
    [InlineData(DealTextSearch.MostLongerWords)]
    [InlineData(DealTextSearch.MostLongerWords + 5)]
    public async Task Search_WordThatLongerWordsStartWith_FindsTheWordAndEachLongerOne(int longer)
    {
        // The list reads fewer than MostLongerWords longer words from the index's vocabulary and searches each whole;
        // with as many it searches the prefix. Either way it finds what the LINQ query's prefix finds (TitlesAsync).
        var longerTitles = Enumerable.Range(0, longer).Select(i => $"Zephyr{(char)('a' + (i % 26))}{i} round").ToList();
        await AddDealsAsync(["Zephyr round", "Azephyr round", "Zephy round", .. longerTitles]);

        var found = await TitlesAsync("zephyr");

        Assert.Equal(["Zephyr round", .. longerTitles.Order(StringComparer.Ordinal)], found.Order(StringComparer.Ordinal));
        Assert.Equal(found, await TitlesAsync("ZEPHYR ROUND"));
        Assert.Equal(["Zephyra0 round"], await TitlesAsync("zephyra0 round"));
        Assert.Equal(longerTitles.Count(t => t.StartsWith("Zephyrb", StringComparison.Ordinal)), (await TitlesAsync("round zephyrb")).Count);
    }

    [Fact]
    public async Task Search_WordsOfLettersAndOthers_FindTheSameDealsTogether()
    {
        // "zéphyr" is not ASCII: it stays a prefix beside "round", looked up in the vocabulary.
        await AddDealsAsync(["Zéphyr round", "Zephyrus round", "Zephyr seed"]);

        Assert.Equal(["Zephyrus round", "Zéphyr round"], (await TitlesAsync("zéphyr round")).Order(StringComparer.Ordinal));
        Assert.Equal(["Zephyr seed"], await TitlesAsync("zéphyr se"));
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("*")]
    [InlineData("(")]
    [InlineData("- % _ \\")]
    public async Task Search_PunctuationAlone_FiltersNothing(string text)
    {
        Assert.Equal(await TitlesAsync(null), await TitlesAsync(text));
    }

    private async Task<int> AddStrangerAsync(int dealId)
    {
        await using var db = await Database.CreateContextAsync();
        var organization = new Organization { Name = Stranger, Slug = "quillfeather-capital", Type = OrganizationType.VentureFund };
        db.Organizations.Add(organization);
        await db.SaveChangesAsync(Token);
        db.DealParticipants.Add(new DealParticipant { DealId = dealId, OrganizationId = organization.Id, Role = ParticipantRole.Backer });
        await db.SaveChangesAsync(Token);
        return organization.Id;
    }

    private async Task AddDealsAsync(IEnumerable<string> titles)
    {
        await using var db = await Database.CreateContextAsync();
        db.Deals.AddRange(titles.Select(title => new Deal { Title = title, Kind = DealKind.EquityInvestment, Status = DealStatus.Announced }));
        await db.SaveChangesAsync(Token);
    }

    // The titles a text finds, checked to be the same through the keyset list (with its count) and the LINQ query.
    private async Task<List<string>> TitlesAsync(string? text)
    {
        var filter = new DealFilter { Text = text, Sort = DealSortField.Title };
        var numbered = await Database.Deals.SearchAsync(filter, new PageRequest(0, 100), Token);
        var keyset = await Database.Deals.SearchAsync(filter, new DealPageRequest { PageSize = 100 }, Token);
        var count = await Database.Deals.CountAsync(filter, Token);
        var titles = numbered.Items.Select(d => d.Title).ToList();
        Assert.Equal(titles, keyset.Items.Select(d => d.Title));
        Assert.Equal(numbered.TotalCount, count.Value);
        return titles;
    }

    // The index as the triggers left it holds the same words of the same deals' columns as one written from the tables.
    private async Task AssertTriggersAgreeWithRebuildAsync()
    {
        var kept = await IndexedWordsAsync();
        await using (var connection = await Database.OpenConnectionAsync())
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Database.Provider == DatabaseProvider.PostgreSql ? DealSearchSqlPostgreSql.Rebuild : DealSearchSql.Rebuild;
            await command.ExecuteNonQueryAsync(Token);
        }

        var rebuilt = await IndexedWordsAsync();
        Assert.NotEmpty(kept);
        Assert.Equal(rebuilt, kept);
    }

    private async Task<List<string>> IndexedWordsAsync() => await SearchIndex.WordsAsync(Database.ConnectionString, Token);
}
