using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Accounts;
using AiDeals.Core.Features.History;
using AiDeals.Core.Features.SavedViews;
using AiDeals.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Tests;

/// <summary>Saving, listing, renaming and deleting views of the deal list, private and shared.</summary>
public class SavedViewCommandTests
{
    private static readonly Actor Ann = Actor.Create("ann@aideals.test", Roles.Analyst);
    private static readonly Actor Bob = Actor.Create("bob@aideals.test", Roles.Analyst);
    private static readonly Actor Ada = Actor.Create("ada@aideals.test", Roles.Admin);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SaveView_ValidForm_IsListedForItsOwnerWithAnAuditEntry()
    {
        await using var database = await TestDatabase.CreateAsync();

        var result = await database.Commands.RunAsync(Ann, new SaveView(Form("  In talks  ", "?status=InTalks&sort=amount")), Token);

        Assert.Equal(CommandOutcome.Saved, result.Outcome);
        var view = Assert.Single(await Queries(database).ListAsync(Ann, Token));
        Assert.Equal(("In talks", "?status=InTalks&sort=amount", false, true), (view.Name, view.Query, view.IsShared, view.IsMine));
        var audit = Assert.Single(await DealFixtures.AuditsAsync(database), a => a.EntityType == nameof(SavedView));
        Assert.Equal((AuditAction.Created, Ann.UserName), (audit.Action, audit.User));
        Assert.Contains("In talks", audit.Changes, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Give the view a name.")]
    [InlineData("   ", "Give the view a name.")]
    [InlineData("bad\u0000name", "Remove the hidden character U+0000 at position 4.")]
    public async Task SaveView_BadName_IsInvalidOnTheName(string name, string message)
    {
        await using var database = await TestDatabase.CreateAsync();

        var result = await database.Commands.RunAsync(Ann, new SaveView(Form(name, "")), Token);

        DealFixtures.AssertInvalid(result, nameof(SavedViewForm.Name), message);
    }

    [Fact]
    public async Task SaveView_NameTooLong_SaysTheLimit()
    {
        await using var database = await TestDatabase.CreateAsync();

        var result = await database.Commands.RunAsync(Ann, new SaveView(Form(new string('x', SavedViewLimits.Name + 1), "")), Token);

        DealFixtures.AssertInvalid(result, nameof(SavedViewForm.Name), "At most 100 characters; this has 101.");
    }

    [Theory]
    [InlineData("status=InTalks")]
    [InlineData("?status=In Talks")]
    [InlineData("?q=x#top")]
    public async Task SaveView_QueryThatIsNotAQueryString_IsInvalid(string query)
    {
        await using var database = await TestDatabase.CreateAsync();

        var result = await database.Commands.RunAsync(Ann, new SaveView(Form("Mine", query)), Token);

        Assert.Equal(CommandOutcome.Invalid, result.Outcome);
        Assert.Contains(nameof(SavedViewForm.Query), result.Errors.Keys);
    }

    [Fact]
    public async Task SaveView_SameNameInAnotherCase_IsRefusedForTheOwnerButFreeForOthers()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.Commands.RunAsync(Ann, new SaveView(Form("Big rounds", "?min=1000000000")), Token);

        var again = await database.Commands.RunAsync(Ann, new SaveView(Form("BIG ROUNDS", "")), Token);
        var bobs = await database.Commands.RunAsync(Bob, new SaveView(Form("Big rounds", "")), Token);

        DealFixtures.AssertInvalid(again, nameof(SavedViewForm.Name), "You already have a view named \"BIG ROUNDS\".");
        Assert.Equal(CommandOutcome.Saved, bobs.Outcome);
    }

    [Fact]
    public async Task ListAsync_SharedViewOfAnother_IsListedAfterTheReadersOwnAndPrivateOnesAreNot()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.Commands.RunAsync(Bob, new SaveView(Form("Bob's shared", "?kind=Acquisition", shared: true)), Token);
        await database.Commands.RunAsync(Bob, new SaveView(Form("Bob's private", "?kind=Debt")), Token);
        await database.Commands.RunAsync(Ann, new SaveView(Form("Zed mine", "")), Token);

        var views = await Queries(database).ListAsync(Ann, Token);

        Assert.Equal(["Zed mine", "Bob's shared"], views.Select(v => v.Name));
        Assert.Equal([true, false], views.Select(v => v.IsMine));
        Assert.Empty(await Queries(database).ListAsync(Actor.Create("viewer@x", Roles.Viewer), Token));
    }

    [Fact]
    public async Task UpdateSavedView_ByOwner_RenamesAndSharesKeepingTheQuery()
    {
        await using var database = await TestDatabase.CreateAsync();
        var saved = await database.Commands.RunAsync(Ann, new SaveView(Form("Old", "?status=Rumored")), Token);

        var result = await database.Commands.RunAsync(Ann, new UpdateSavedView(saved.Id!.Value, saved.Version!.Value, Form("New", "?ignored=1", shared: true)), Token);

        Assert.Equal(CommandOutcome.Saved, result.Outcome);
        var view = Assert.Single(await Queries(database).ListAsync(Bob, Token));
        Assert.Equal(("New", "?status=Rumored", true), (view.Name, view.Query, view.IsShared));
    }

    [Fact]
    public async Task UpdateSavedView_ByAnotherAnalyst_IsRefusedAndChangesNothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        var saved = await database.Commands.RunAsync(Ann, new SaveView(Form("Ann's", "", shared: true)), Token);

        var result = await database.Commands.RunAsync(Bob, new UpdateSavedView(saved.Id!.Value, saved.Version!.Value, Form("Bob's now", "")), Token);

        DealFixtures.AssertInvalid(result, string.Empty, "Only the analyst who saved a view can rename it.");
        Assert.Equal("Ann's", Assert.Single(await Queries(database).ListAsync(Ann, Token)).Name);
    }

    [Fact]
    public async Task UpdateSavedView_StaleVersion_IsAConflictNamingWhoRenamedIt()
    {
        await using var database = await TestDatabase.CreateAsync();
        var saved = await database.Commands.RunAsync(Ann, new SaveView(Form("First", "")), Token);
        await database.Commands.RunAsync(Ann, new UpdateSavedView(saved.Id!.Value, saved.Version!.Value, Form("Second", "")), Token);

        var result = await database.Commands.RunAsync(Ann, new UpdateSavedView(saved.Id!.Value, saved.Version!.Value, Form("Third", "")), Token);

        Assert.Equal(CommandOutcome.Conflict, result.Outcome);
        Assert.Equal(("Second", Ann.UserName), (result.Conflict!.Theirs[nameof(SavedViewForm.Name)], result.Conflict.ChangedBy));
    }

    [Fact]
    public async Task DeleteSavedView_SharedByAdmin_IsAllowedButPrivateOneOfAnotherIsNot()
    {
        await using var database = await TestDatabase.CreateAsync();
        var shared = await database.Commands.RunAsync(Ann, new SaveView(Form("Shared", "", shared: true)), Token);
        var mine = await database.Commands.RunAsync(Ann, new SaveView(Form("Private", "")), Token);

        var adminOnShared = await database.Commands.RunAsync(Ada, new DeleteSavedView(shared.Id!.Value, shared.Version!.Value), Token);
        var adminOnPrivate = await database.Commands.RunAsync(Ada, new DeleteSavedView(mine.Id!.Value, mine.Version!.Value), Token);
        var bobOnPrivate = await database.Commands.RunAsync(Bob, new DeleteSavedView(mine.Id!.Value, mine.Version!.Value), Token);

        Assert.Equal(CommandOutcome.Saved, adminOnShared.Outcome);
        Assert.Equal(CommandOutcome.Invalid, adminOnPrivate.Outcome);
        Assert.Equal(CommandOutcome.Invalid, bobOnPrivate.Outcome);
        Assert.Equal(["Private"], (await Queries(database).ListAsync(Ann, Token)).Select(v => v.Name));
    }

    [Fact]
    public async Task DeleteSavedView_ByOwner_FreesTheNameAndKeepsTheRowForTheHistory()
    {
        await using var database = await TestDatabase.CreateAsync();
        var saved = await database.Commands.RunAsync(Ann, new SaveView(Form("Reused", "?kind=Debt")), Token);

        var deleted = await database.Commands.RunAsync(Ann, new DeleteSavedView(saved.Id!.Value, saved.Version!.Value), Token);
        var again = await database.Commands.RunAsync(Ann, new SaveView(Form("Reused", "?kind=Grant")), Token);

        Assert.Equal((CommandOutcome.Saved, CommandOutcome.Saved), (deleted.Outcome, again.Outcome));
        await using var db = await database.CreateContextAsync();
        Assert.Equal(2, await db.SavedViews.IgnoreQueryFilters().CountAsync(Token));
        Assert.Contains(await DealFixtures.AuditsAsync(database), a => a.EntityType == nameof(SavedView) && a.Action == AuditAction.Deleted);
    }

    [Fact]
    public async Task History_OfTheTeam_LeavesPersonalRecordsOut()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.Commands.RunAsync(Ann, new SaveView(Form("Private name", "")), Token);
        var history = new HistorySearch(database.Contexts);

        var team = await history.SearchAsync(new HistoryFilter(), new PageRequest(0, 25), Token);
        var admin = await history.SearchAsync(new HistoryFilter(IncludeAccounts: true), new PageRequest(0, 25), Token);

        Assert.DoesNotContain(team.Items, e => e.Change.EntityType == nameof(SavedView));
        Assert.Contains(admin.Items, e => e.Change.EntityType == nameof(SavedView));
    }

    private static SavedViewQueries Queries(TestDatabase database) => new(database.Contexts);

    private static SavedViewForm Form(string name, string query, bool shared = false) => new() { Name = name, Query = query, IsShared = shared };
}
