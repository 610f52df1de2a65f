using System.Globalization;
using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Accounts;
using AiDeals.Core.Features.Deals;
using AiDeals.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static AiDeals.Core.Tests.Support.DealFixtures;

namespace AiDeals.Core.Tests;

/// <summary>Deleting and restoring deals: the rows that go and come back with a deal, umbrellas, stale versions.</summary>
public class DealDeleteRestoreTests
{
    private static readonly Actor Analyst = Actor.Create("ann@aideals.test", Roles.Analyst);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DeleteDealAsync_Deal_HidesItWithItsRowsAndSaysWhoDeletedIt()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var form = await FormOfAsync(database, Equity);

        var result = await database.Commands.RunAsync(Analyst, new DeleteDeal(form.Id, form.Version), Token);

        Assert.Equal(CommandOutcome.Saved, result.Outcome);
        Assert.Null(await database.DealDetails.GetDetailAsync(form.Id, Token));
        var deleted = await database.DealDetails.FindDeletedAsync(form.Id, Token);
        Assert.Equal((Equity, "ann@aideals.test"), (deleted?.Title, deleted?.DeletedBy));
        await using var db = await database.CreateContextAsync();
        Assert.False(await db.DealParticipants.AnyAsync(p => p.DealId == form.Id, Token));
        Assert.False(await db.Citations.AnyAsync(c => c.DealId == form.Id, Token));
        Assert.True(await db.DealParticipants.IgnoreQueryFilters().AnyAsync(p => p.DealId == form.Id, Token));
        var audits = await AuditsAsync(database);
        Assert.Contains(audits, a => a is { EntityType: nameof(Deal), Action: AuditAction.Deleted } && a.EntityId == form.Id.ToString(CultureInfo.InvariantCulture));
        Assert.Contains(audits, a => a is { EntityType: nameof(DealParticipant), Action: AuditAction.Deleted });
    }

    [Fact]
    public async Task DeleteDealAsync_WiderDealWithParts_IsRefused()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var form = await FormOfAsync(database, Partnership);

        var result = await database.Commands.RunAsync(Analyst, new DeleteDeal(form.Id, form.Version), Token);

        AssertInvalid(result, string.Empty, "2 deals are part of this deal: take them out of it or delete them first.");
        Assert.NotNull(await database.DealDetails.GetDetailAsync(form.Id, Token));
    }

    [Fact]
    public async Task DeleteDealAsync_StaleVersion_IsAConflictAndDeletesNothing()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var stale = await FormOfAsync(database, Equity);
        var edit = await FormOfAsync(database, Equity);
        edit.Notes = "Confirmed by a filing.";
        Assert.True((await database.Commands.RunAsync(Actor.Create("bob@aideals.test", Roles.Analyst), new UpdateDeal(edit), Token)).IsSaved);

        var result = await database.Commands.RunAsync(Analyst, new DeleteDeal(stale.Id, stale.Version), Token);

        Assert.Equal(CommandOutcome.Conflict, result.Outcome);
        Assert.Equal("bob@aideals.test", result.Conflict!.ChangedBy);
        Assert.NotNull(await database.DealDetails.GetDetailAsync(stale.Id, Token));
    }

    [Fact]
    public async Task RestoreDealAsync_DeletedDeal_BringsBackTheRowsDeletedWithItOnly()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        // Stargate's one part leaves it first: a deal with parts cannot be deleted.
        var part = await FormOfAsync(database, StargateCommitment);
        part.PartOfIds.Remove(await IdOfAsync(database, StargateProject));
        Assert.True((await database.Commands.RunAsync(Analyst, new UpdateDeal(part), Token)).IsSaved);
        var form = await FormOfAsync(database, StargateProject);
        var removed = form.Participants[0];
        form.Participants.RemoveAt(0);
        var edited = await database.Commands.RunAsync(Analyst, new UpdateDeal(form), Token);
        Assert.True((await database.Commands.RunAsync(Analyst, new DeleteDeal(form.Id, edited.Version!.Value), Token)).IsSaved);

        var result = await database.Commands.RunAsync(Analyst, new RestoreDeal(form.Id), Token);

        Assert.Equal(CommandOutcome.Saved, result.Outcome);
        var detail = await database.DealDetails.GetDetailAsync(form.Id, Token);
        Assert.NotNull(detail);
        Assert.Equal(form.Participants.Count, detail.Participants.Count);
        Assert.NotEmpty(detail.Citations);
        Assert.Null(await database.DealDetails.FindDeletedAsync(form.Id, Token));
        await using var db = await database.CreateContextAsync();
        Assert.False(await db.DealParticipants.AnyAsync(p => p.Id == removed.Id, Token));
        var audit = (await AuditsAsync(database)).Last(a => a.EntityType == nameof(Deal));
        Assert.Equal((AuditAction.Restored, "ann@aideals.test"), (audit.Action, audit.User));
    }

    [Fact]
    public async Task RestoreDealAsync_Missing_IsNotFound()
    {
        await using var database = await TestDatabase.CreateSeededAsync();

        Assert.Equal(CommandOutcome.NotFound, (await database.Commands.RunAsync(Analyst, new RestoreDeal(9_999), Token)).Outcome);
    }
}
