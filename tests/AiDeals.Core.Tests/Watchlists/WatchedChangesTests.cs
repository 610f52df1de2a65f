using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Accounts;
using AiDeals.Core.Features.Deals;
using AiDeals.Core.Features.Valuations;
using AiDeals.Core.Features.Watchlists;
using AiDeals.Core.Tests.Support;
using static AiDeals.Core.Tests.Support.DealFixtures;

namespace AiDeals.Core.Tests.Watchlists;

/// <summary>Watching deals and organizations, and "What changed": others' changes to them since the last visit, field by field.</summary>
public class WatchedChangesTests
{
    private static readonly Actor Ann = Actor.Create("ann@aideals.test", Roles.Analyst);
    private static readonly Actor Bob = Actor.Create("bob@aideals.test", Roles.Analyst);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListAsync_DealChangedByAnother_ListsTheChangeFieldByFieldButNotTheWatchersOwn()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var weWork = await IdOfAsync(database, WeWork);
        await WatchAsync(database, Ann, RecordKind.Deal, weWork);

        await EditNotesAsync(database, Bob, WeWork, "Bob's note");
        await EditNotesAsync(database, Ann, WeWork, "Ann's note");
        await EditNotesAsync(database, Bob, StargateProject, "Not watched");

        var page = await Changes(database).ListAsync(Ann.UserName, new WatchedChangesRequest(), Token);

        var change = Assert.Single(page.Items);
        Assert.Equal((RecordKind.Deal, weWork, Bob.UserName), (change.Record.Kind, change.Record.Id, change.Change.User));
        var notes = Assert.Single(change.Change.Fields, f => f.Field == nameof(Deal.Notes));
        Assert.Equal("Bob's note", notes.New);
    }

    [Fact]
    public async Task ListAsync_ChangesBeforeTheWatchBegan_AreNotNew()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        await EditNotesAsync(database, Bob, WeWork, "Before");
        await WatchAsync(database, Ann, RecordKind.Deal, await IdOfAsync(database, WeWork));

        Assert.Equal(0, await Changes(database).CountNewAsync(Ann.UserName, cancellationToken: Token));
    }

    [Fact]
    public async Task MarkChangesSeen_ThroughWhatWasRead_KeepsLaterChangesNew()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        await WatchAsync(database, Ann, RecordKind.Deal, await IdOfAsync(database, WeWork));
        await EditNotesAsync(database, Bob, WeWork, "One");
        var read = await Changes(database).ListAsync(Ann.UserName, new WatchedChangesRequest(), Token);
        await EditNotesAsync(database, Bob, WeWork, "Two");

        var seen = await database.Commands.RunAsync(Ann, new MarkChangesSeen(read.ReadThroughId), Token);

        Assert.Equal(CommandOutcome.Saved, seen.Outcome);
        var left = Assert.Single((await Changes(database).ListAsync(Ann.UserName, new WatchedChangesRequest(), Token)).Items);
        Assert.Equal("Two", left.Change.Fields.Single(f => f.Field == nameof(Deal.Notes)).New);
        var all = await Changes(database).ListAsync(Ann.UserName, new WatchedChangesRequest(SinceSeen: false), Token);
        Assert.Equal(2, all.Items.Count);
    }

    [Fact]
    public async Task ListAsync_WatchedOrganization_HearsOfItsValuationsAndOfDealsItTakesPartIn()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var nvidia = await OrganizationIdAsync(database, "Nvidia");
        await WatchAsync(database, Ann, RecordKind.Organization, nvidia);

        var valuation = await database.Commands.RunAsync(Bob, new CreateValuation(new ValuationForm
        {
            OrganizationId = nvidia, AsOf = "2025-q1", Amount = 3_000_000_000_000, Kind = ValuationKind.MarketCap,
        }), Token);
        var deal = await database.Commands.RunAsync(Bob, new CreateDeal(await NewFormAsync(database)), Token);
        await EditNotesAsync(database, Bob, WeWork, "SoftBank's, not Nvidia's");

        var page = await Changes(database).ListAsync(Ann.UserName, new WatchedChangesRequest(), Token);

        Assert.Equal(CommandOutcome.Saved, valuation.Outcome);
        Assert.Contains(page.Items, c => c.Record.Kind == RecordKind.Valuation && c.Record.Id == valuation.Id);
        Assert.Contains(page.Items, c => c.Record.Kind == RecordKind.Deal && c.Record.Id == deal.Id && c.Change.EntityType == nameof(DealParticipant));
        Assert.DoesNotContain(page.Items, c => c.Record.Name == WeWork);
        Assert.Equal(page.Items.Select(c => c.Change.Id).OrderDescending(), page.Items.Select(c => c.Change.Id));
    }

    [Fact]
    public async Task UnwatchRecord_ByOwner_StopsTheChangesAndWatchingAgainStartsAfresh()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var weWork = await IdOfAsync(database, WeWork);
        var watch = await WatchAsync(database, Ann, RecordKind.Deal, weWork);
        await EditNotesAsync(database, Bob, WeWork, "While watched");

        var bobTries = await database.Commands.RunAsync(Bob, new UnwatchRecord(watch), Token);
        var unwatched = await database.Commands.RunAsync(Ann, new UnwatchRecord(watch), Token);

        Assert.Equal((CommandOutcome.Invalid, CommandOutcome.Saved), (bobTries.Outcome, unwatched.Outcome));
        Assert.Null(await Queries(database).WatchIdAsync(Ann, RecordKind.Deal, weWork, Token));
        Assert.Equal(0, await Changes(database).CountNewAsync(Ann.UserName, cancellationToken: Token));
        var again = await WatchAsync(database, Ann, RecordKind.Deal, weWork);
        Assert.Equal(again, await Queries(database).WatchIdAsync(Ann, RecordKind.Deal, weWork, Token));
    }

    [Fact]
    public async Task WatchRecord_Twice_OrAMissingRecord_IsInvalid()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var weWork = await IdOfAsync(database, WeWork);
        await WatchAsync(database, Ann, RecordKind.Deal, weWork);

        var twice = await database.Commands.RunAsync(Ann, new WatchRecord(RecordKind.Deal, weWork), Token);
        var missing = await database.Commands.RunAsync(Ann, new WatchRecord(RecordKind.Organization, 999_999), Token);
        var source = await database.Commands.RunAsync(Ann, new WatchRecord(RecordKind.Source, 1), Token);

        AssertInvalid(twice, string.Empty, "You already watch it.");
        AssertInvalid(missing, string.Empty, "This organization does not exist or was deleted.");
        AssertInvalid(source, string.Empty, "Only deals and organizations can be watched.");
    }

    [Fact]
    public async Task ListAsync_Watched_NamesEachRecord()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        await WatchAsync(database, Ann, RecordKind.Deal, await IdOfAsync(database, WeWork));
        await WatchAsync(database, Ann, RecordKind.Organization, await OrganizationIdAsync(database, "OpenAI"));

        var watched = await Queries(database).ListAsync(Ann, Token);

        Assert.Equal([("OpenAI", RecordKind.Organization), (WeWork, RecordKind.Deal)], watched.Select(w => (w.Name, w.Kind)));
        Assert.Equal("openai", watched[0].Slug);
    }

    internal static async Task<int> WatchAsync(TestDatabase database, Actor actor, RecordKind kind, int id)
    {
        var result = await database.Commands.RunAsync(actor, new WatchRecord(kind, id), Token);
        Assert.Equal(CommandOutcome.Saved, result.Outcome);
        return result.Id!.Value;
    }

    internal static async Task EditNotesAsync(TestDatabase database, Actor actor, string title, string notes)
    {
        var form = await FormOfAsync(database, title);
        form.Notes = notes;
        Assert.Equal(CommandOutcome.Saved, (await database.Commands.RunAsync(actor, new UpdateDeal(form), Token)).Outcome);
    }

    private static WatchedChanges Changes(TestDatabase database) => new(database.Contexts);

    private static WatchlistQueries Queries(TestDatabase database) => new(database.Contexts);
}
