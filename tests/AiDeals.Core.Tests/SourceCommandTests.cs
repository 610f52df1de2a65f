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
    public async Task CreateSourceAsync_ValidForm_IsSavedAndFoundByItsPublisher()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var sources = new SourceService(database.Contexts);

        var result = await sources.CreateSourceAsync(Ann, new SourceForm
        {
            Title = "Nvidia to invest in OpenAI",
            Publisher = "Reuters",
            Url = "https://www.reuters.com/technology/nvidia-openai",
            PublishedOn = new DateOnly(2025, 3, 14),
        }, Token);

        Assert.Equal(CommandOutcome.Saved, result.Outcome);
        var found = Assert.Single(await sources.SearchAsync("reuters", cancellationToken: Token));
        Assert.Equal((result.Id!.Value, "Nvidia to invest in OpenAI", "Reuters · 14 Mar 2025"), (found.Id, found.Name, found.Detail));
    }

    [Theory]
    [InlineData("ftp://example.com/report.pdf")]
    [InlineData("javascript:alert(1)")]
    [InlineData("www.reuters.com/article")]
    public async Task CreateSourceAsync_AddressThatIsNotHttp_IsInvalidOnTheUrl(string url)
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var sources = new SourceService(database.Contexts);

        var result = await sources.CreateSourceAsync(Ann, new SourceForm { Title = "A report", Url = url }, Token);

        Assert.Equal(CommandOutcome.Invalid, result.Outcome);
        Assert.Equal(["Enter a full web address starting with http:// or https://."], result.Errors[nameof(SourceForm.Url)]);
    }

    [Fact]
    public async Task CreateSourceAsync_NoTitle_IsInvalidOnTheTitle()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var sources = new SourceService(database.Contexts);

        var result = await sources.CreateSourceAsync(Ann, new SourceForm { Title = " ", Url = "https://example.com" }, Token);

        Assert.Equal(["Give the source a title."], result.Errors[nameof(SourceForm.Title)]);
    }

    [Fact]
    public async Task UpdateSourceAsync_StaleForm_IsAConflictWithTheirTitle()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var sources = new SourceService(database.Contexts);
        var id = (await sources.SearchAsync(null, cancellationToken: Token))[0].Id;
        var annsForm = (await sources.GetFormAsync(id, Token))!;
        var bobsForm = (await sources.GetFormAsync(id, Token))!;
        annsForm.Publisher = "The Information";
        Assert.True((await sources.UpdateSourceAsync(Ann, annsForm, Token)).IsSaved);
        bobsForm.Publisher = "Bloomberg";

        var result = await sources.UpdateSourceAsync(Bob, bobsForm, Token);

        Assert.Equal(CommandOutcome.Conflict, result.Outcome);
        Assert.Equal("ann@aideals.test", result.Conflict!.ChangedBy);
        Assert.Equal("The Information", result.Conflict.Theirs[nameof(SourceForm.Publisher)]);
        Assert.Equal("The Information", (await sources.GetFormAsync(id, Token))!.Publisher);
    }
}
