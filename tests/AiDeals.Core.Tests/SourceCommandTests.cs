using AiDeals.Core.Features;
using AiDeals.Core.Features.Accounts;
using AiDeals.Core.Features.Sources;
using AiDeals.Core.Tests.Support;

namespace AiDeals.Core.Tests;

/// <summary>Sources: the citation picker's search and the commands that add and correct sources.</summary>
public class SourceCommandTests
{
    private static readonly Actor Ann = Actor.Create("ann@aideals.test", Roles.Analyst);
    private static readonly Actor Bob = Actor.Create("bob@aideals.test", Roles.Analyst);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateSource_ValidForm_IsSavedAndFoundByItsPublisher()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var sources = new SourceQueries(database.Contexts);

        var result = await database.Commands.RunAsync(Ann, new CreateSource(new SourceForm
        {
            Title = "Nvidia to invest in OpenAI",
            Publisher = "Reuters",
            Url = "https://www.reuters.com/technology/nvidia-openai",
            PublishedOn = new DateOnly(2025, 3, 14),
        }), Token);

        Assert.Equal(CommandOutcome.Saved, result.Outcome);
        var found = Assert.Single(await sources.SearchAsync("reuters", cancellationToken: Token));
        Assert.Equal((result.Id!.Value, "Nvidia to invest in OpenAI", "Reuters · 14 Mar 2025"), (found.Id, found.Name, found.Detail));
    }

    [Theory]
    [InlineData("ftp://example.com/report.pdf")]
    [InlineData("javascript:alert(1)")]
    [InlineData("www.reuters.com/article")]
    public async Task CreateSource_AddressThatIsNotHttp_IsInvalidOnTheUrl(string url)
    {
        await using var database = await TestDatabase.CreateSeededAsync();

        var result = await database.Commands.RunAsync(Ann, new CreateSource(new SourceForm { Title = "A report", Url = url }), Token);

        Assert.Equal(CommandOutcome.Invalid, result.Outcome);
        Assert.Equal(["Enter a full web address starting with http:// or https://."], result.Errors[nameof(SourceForm.Url)]);
    }

    [Fact]
    public async Task CreateSource_NoTitle_IsInvalidOnTheTitle()
    {
        await using var database = await TestDatabase.CreateSeededAsync();

        var result = await database.Commands.RunAsync(Ann, new CreateSource(new SourceForm { Title = " ", Url = "https://example.com" }), Token);

        Assert.Equal(["Give the source a title."], result.Errors[nameof(SourceForm.Title)]);
    }

    [Fact]
    public async Task UpdateSource_StaleForm_IsAConflictWithTheirTitle()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var sources = new SourceQueries(database.Contexts);
        var id = (await sources.SearchAsync(null, cancellationToken: Token))[0].Id;
        var annsForm = (await sources.GetFormAsync(id, Token))!;
        var bobsForm = (await sources.GetFormAsync(id, Token))!;
        annsForm.Publisher = "The Information";
        Assert.True((await database.Commands.RunAsync(Ann, new UpdateSource(annsForm), Token)).IsSaved);
        bobsForm.Publisher = "Bloomberg";

        var result = await database.Commands.RunAsync(Bob, new UpdateSource(bobsForm), Token);

        Assert.Equal(CommandOutcome.Conflict, result.Outcome);
        Assert.Equal("ann@aideals.test", result.Conflict!.ChangedBy);
        Assert.Equal("The Information", result.Conflict.Theirs[nameof(SourceForm.Publisher)]);
        Assert.Equal("The Information", (await sources.GetFormAsync(id, Token))!.Publisher);
    }

    [Fact]
    public async Task DeleteSource_Uncited_LeavesTheListAndRestoreBringsItBack()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var sources = new SourceQueries(database.Contexts);
        var created = await database.Commands.RunAsync(Ann, new CreateSource(new SourceForm { Title = "An uncited memo" }), Token);

        var deleted = await database.Commands.RunAsync(Ann, new DeleteSource(created.Id!.Value, created.Version!.Value), Token);

        Assert.Equal(CommandOutcome.Saved, deleted.Outcome);
        Assert.Null(await sources.GetFormAsync(created.Id.Value, Token));
        Assert.DoesNotContain(
            (await sources.ListAsync(new SourceQuery(Search: "uncited memo"), new PageRequest(), Token)).Items,
            s => s.Id == created.Id);

        var restored = await database.Commands.RunAsync(Ann, new RestoreSource(created.Id.Value, deleted.Version!.Value), Token);

        Assert.Equal(CommandOutcome.Saved, restored.Outcome);
        Assert.Equal("An uncited memo", (await sources.GetFormAsync(created.Id.Value, Token))!.Title);
    }

    [Fact]
    public async Task DeleteSource_CitedSource_IsRefusedNamingHowManyCitations()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var sources = new SourceQueries(database.Contexts);
        var cited = (await sources.ListAsync(new SourceQuery(SourceSortField.Citations), new PageRequest(), Token)).Items[0];
        Assert.True(cited.CitationCount > 0);

        var result = await database.Commands.RunAsync(Ann, new DeleteSource(cited.Id, cited.Version), Token);

        Assert.Equal(CommandOutcome.Invalid, result.Outcome);
        var message = Assert.Single(result.Errors[string.Empty]);
        Assert.Contains(cited.CitationCount == 1 ? "cited once" : $"cited {cited.CitationCount} times", message, StringComparison.Ordinal);
        Assert.NotNull(await sources.GetFormAsync(cited.Id, Token));
    }

    [Fact]
    public async Task DeleteSource_StaleVersion_IsAConflict()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var sources = new SourceQueries(database.Contexts);
        var created = await database.Commands.RunAsync(Ann, new CreateSource(new SourceForm { Title = "A memo" }), Token);
        var form = (await sources.GetFormAsync(created.Id!.Value, Token))!;
        form.Publisher = "Reuters";
        Assert.True((await database.Commands.RunAsync(Bob, new UpdateSource(form), Token)).IsSaved);

        var result = await database.Commands.RunAsync(Ann, new DeleteSource(created.Id.Value, created.Version!.Value), Token);

        Assert.Equal(CommandOutcome.Conflict, result.Outcome);
        Assert.Equal("bob@aideals.test", result.Conflict!.ChangedBy);
        Assert.NotNull(await sources.GetFormAsync(created.Id.Value, Token));
    }

    [Theory]
    [InlineData(SourceSortField.PublishedOn, true)]
    [InlineData(SourceSortField.Title, false)]
    [InlineData(SourceSortField.Publisher, true)]
    [InlineData(SourceSortField.Citations, true)]
    public async Task ListAsync_PagesOfTwo_TogetherAreTheWholeListInItsOrderWithItsCounts(SourceSortField sort, bool descending)
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var sources = new SourceQueries(database.Contexts);
        // Sources beside the article's: some with a publisher or a date, some without, one with the same date as another.
        string?[] publishers = ["Reuters", null, "Bloomberg", null, "Reuters"];
        for (var i = 0; i < publishers.Length; i++)
        {
            var created = await database.Commands.RunAsync(Ann, new CreateSource(new SourceForm
            {
                Title = $"Report {(char)('E' - i)}",
                Publisher = publishers[i],
                PublishedOn = i == 3 ? null : new DateOnly(2025, 1, 10 + (i % 3)),
            }), Token);
            Assert.Equal(CommandOutcome.Saved, created.Outcome);
        }

        var query = new SourceQuery(sort, descending);
        var whole = await sources.ListAsync(query, new PageRequest(0, 500), Token);

        var paged = new List<SourceSummary>();
        for (var page = 0; page * 2 < whole.TotalCount; page++)
        {
            paged.AddRange((await sources.ListAsync(query, new PageRequest(page, 2), Token)).Items);
        }

        Assert.True(whole.TotalCount > 5, "More sources than two pages of two hold.");
        Assert.Equal(whole.Items, paged);
    }

    [Fact]
    public async Task ListAsync_SortsByCitationsAndCountsThem()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var sources = new SourceQueries(database.Contexts);

        var page = await sources.ListAsync(new SourceQuery(SourceSortField.Citations, Descending: true), new PageRequest(0, 500), Token);

        Assert.NotEmpty(page.Items);
        Assert.Equal(page.Items.Select(s => s.CitationCount).OrderDescending(), page.Items.Select(s => s.CitationCount));
        Assert.Equal(page.TotalCount, (await sources.ListAsync(new SourceQuery(), new PageRequest(0, 500), Token)).TotalCount);
    }
}
