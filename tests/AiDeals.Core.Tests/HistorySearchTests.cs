using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Accounts;
using AiDeals.Core.Features.History;
using AiDeals.Core.Features.Organizations;
using AiDeals.Core.Features.Valuations;
using AiDeals.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Tests;

/// <summary>The /history list: every change, newest first, filtered and paged in SQL, with the record each belongs to.</summary>
public class HistorySearchTests
{
    private static readonly Actor Ann = Actor.Create("ann@aideals.local", Roles.Analyst);
    private static readonly Actor Bob = Actor.Create("bob@aideals.local", Roles.Analyst);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Search_NoFilter_ListsEveryChangeNewestFirstAPageAtATime()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var history = new HistorySearch(database.Contexts);
        int all;
        await using (var db = await database.CreateContextAsync())
        {
            all = await db.AuditEntries.CountAsync(Token);
        }

        var first = await history.SearchAsync(new HistoryFilter(), new PageRequest(0, 10), Token);
        var second = await history.SearchAsync(new HistoryFilter(), new PageRequest(1, 10), Token);

        Assert.Equal(all, first.TotalCount);
        Assert.Equal(10, first.Items.Count);
        var ids = first.Items.Concat(second.Items).Select(e => e.Change.Id).ToList();
        Assert.Equal(ids.OrderDescending(), ids);
        Assert.Equal(20, ids.Distinct().Count());
    }

    [Fact]
    public async Task Search_ByUserTypeAndDays_ListsOnlyThoseChanges()
    {
        var clock = new FixedClock(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));
        await using var database = await TestDatabase.CreateAsync(clock);
        var organizations = new OrganizationQueries(database.Contexts);
        var history = new HistorySearch(database.Contexts);
        await database.Commands.RunAsync(Ann, new CreateOrganization(new OrganizationForm { Name = "Mistral AI", Aliases = ["Mistral"] }), Token);
        clock.Now = clock.Now.AddDays(1);
        var anthropic = await database.Commands.RunAsync(Bob, new CreateOrganization(new OrganizationForm { Name = "Anthropic" }), Token);
        clock.Now = clock.Now.AddDays(1);
        var form = (await organizations.GetFormAsync(anthropic.Id!.Value, Token))!;
        form.Description = "Maker of Claude.";
        await database.Commands.RunAsync(Ann, new UpdateOrganization(form), Token);

        var byAnn = await history.SearchAsync(new HistoryFilter(User: Ann.UserName), new PageRequest(), Token);
        var aliases = await history.SearchAsync(new HistoryFilter(EntityType: nameof(OrganizationAlias)), new PageRequest(), Token);
        var secondDay = await history.SearchAsync(new HistoryFilter(From: new DateOnly(2025, 3, 2), To: new DateOnly(2025, 3, 2)), new PageRequest(), Token);
        var annFromDayTwo = await history.SearchAsync(new HistoryFilter(User: Ann.UserName, From: new DateOnly(2025, 3, 2)), new PageRequest(), Token);

        Assert.Equal(3, byAnn.TotalCount);
        Assert.All(byAnn.Items, e => Assert.Equal(Ann.UserName, e.Change.User));
        var alias = Assert.Single(aliases.Items);
        Assert.Equal(new HistoryRecord(RecordKind.Organization, alias.Record.Id, "Mistral AI", "mistral-ai", true), alias.Record);
        Assert.Equal((AuditAction.Created, Bob.UserName), (Assert.Single(secondDay.Items).Change.Action, secondDay.Items[0].Change.User));
        var update = Assert.Single(annFromDayTwo.Items);
        Assert.Equal(AuditAction.Updated, update.Change.Action);
        Assert.Equal(new FieldChangeView("Description", null, "Maker of Claude."), Assert.Single(update.Change.Fields));
    }

    [Fact]
    public async Task Search_OneRecord_ListsItsChangesOnly()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var organizations = new OrganizationQueries(database.Contexts);
        var form = (await organizations.GetFormAsync("nvidia", Token))!;
        form.FoundedYear = 1992;
        await database.Commands.RunAsync(Ann, new UpdateOrganization(form), Token);

        var result = await new HistorySearch(database.Contexts).SearchAsync(
            new HistoryFilter(EntityType: nameof(Organization), EntityId: form.Id), new PageRequest(), Token);

        Assert.Equal([AuditAction.Updated, AuditAction.Created], result.Items.Select(e => e.Change.Action));
        Assert.All(result.Items, e => Assert.Equal("Nvidia", e.Record.Name));
    }

    [Fact]
    public async Task Search_DeletedRecord_OffersToRestoreItUntilItIsRestored()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var valuations = new ValuationQueries(database.Contexts);
        var history = new HistorySearch(database.Contexts);
        var id = (await valuations.ListAsync(new ValuationQuery(), new PageRequest(), Token)).Items.Single().Id;
        var deleted = await database.Commands.RunAsync(Ann, new DeleteValuation(id, (await valuations.GetFormAsync(id, Token))!.Version), Token);
        var filter = new HistoryFilter(EntityType: nameof(Valuation), EntityId: id);

        var before = (await history.SearchAsync(filter, new PageRequest(), Token)).Items;

        var deletion = before.Single(e => e.Change.Action == AuditAction.Deleted);
        Assert.Equal(new RestoreTarget(nameof(Valuation), id, deleted.Version!.Value), deletion.Restore);
        Assert.Equal(new HistoryRecord(RecordKind.Valuation, id, "OpenAI at $157B (Oct 2024)", "openai", false), deletion.Record);
        Assert.Null(before.Single(e => e.Change.Action == AuditAction.Created).Restore);

        Assert.True((await database.Commands.RunAsync(Ann, new RestoreValuation(deletion.Restore!.Id, deletion.Restore.Version), Token)).IsSaved);
        var after = (await history.SearchAsync(filter, new PageRequest(), Token)).Items;

        Assert.All(after, e => Assert.Null(e.Restore));
        Assert.Equal(AuditAction.Restored, after[0].Change.Action);
        Assert.True(after[0].Record.Exists);
    }

    [Fact]
    public async Task Search_PartsOfARecord_BelongToIt()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var history = new HistorySearch(database.Contexts);

        var participants = await history.SearchAsync(new HistoryFilter(EntityType: nameof(DealParticipant)), new PageRequest(0, 100), Token);
        var eventLinks = await history.SearchAsync(new HistoryFilter(EntityType: nameof(MarketEventOrganization)), new PageRequest(0, 100), Token);

        Assert.All(participants.Items, e => Assert.Equal(RecordKind.Deal, e.Record.Kind));
        Assert.Contains(participants.Items, e => e.Record.Name == "SoftBank investment in WeWork");
        Assert.All(eventLinks.Items, e => Assert.Equal(RecordKind.MarketEvent, e.Record.Kind));
    }

    [Fact]
    public async Task UserNames_AccountsAndTheAppsOwnWriters()
    {
        await using var database = await AccountsDatabase.CreateAsync();

        var names = await new HistorySearch(new SingleContextFactory(database)).UserNamesAsync(Token);

        Assert.Superset(new HashSet<string> { "analyst@aideals.local", "admin@aideals.local", "viewer@aideals.local", "seed", "system" }, names.ToHashSet());
    }

    /// <summary>Contexts on the accounts database, which is wired without a factory of its own for tests.</summary>
    private sealed class SingleContextFactory(AccountsDatabase database) : IDbContextFactory<Data.AiDealsDbContext>
    {
        public Data.AiDealsDbContext CreateDbContext() => database.CreateContextAsync().GetAwaiter().GetResult();

        public Task<Data.AiDealsDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) => database.CreateContextAsync();
    }
}
