using System.Globalization;
using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Accounts;
using AiDeals.Core.Features.Deals;
using AiDeals.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static AiDeals.Core.Tests.Support.DealFixtures;

namespace AiDeals.Core.Tests;

/// <summary>Saving a stored deal: its version, its audit, its participant and citation rows, and what open pages hear.</summary>
public class DealUpdateTests
{
    private static readonly Actor Analyst = Actor.Create("ann@aideals.test", Roles.Analyst);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UpdateDealAsync_NewAmount_SavesRaisesTheVersionAndAuditsOldAndNew()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var form = await FormOfAsync(database, Equity);
        form.AmountHigh = 30_000_000_000;

        var result = await database.Commands.RunAsync(Analyst, new UpdateDeal(form), Token);

        Assert.Equal(CommandOutcome.Saved, result.Outcome);
        Assert.Equal(form.Version + 1, result.Version);
        Assert.Equal("$15B–$30B", (await database.DealDetails.GetDetailAsync(form.Id, Token))!.Amount.ToString());
        var audit = (await AuditsAsync(database)).Last();
        Assert.Equal((nameof(Deal), AuditAction.Updated, "ann@aideals.test"), (audit.EntityType, audit.Action, audit.User));
        Assert.Contains("\"AmountHigh\":{\"old\":25000000000,\"new\":30000000000}", audit.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateDealAsync_ParticipantsChanged_UpdatesRemovesAndAddsEachAsItsOwnAuditedRow()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var form = await FormOfAsync(database, StargateProject);
        var (openAiId, softBankId) = (await OrganizationIdAsync(database, "OpenAI"), await OrganizationIdAsync(database, "SoftBank Group"));
        var openAi = form.Participants.Single(p => p.OrganizationId == openAiId);
        var softBank = form.Participants.Single(p => p.OrganizationId == softBankId);
        var oldRole = openAi.Role;
        Assert.NotEqual(ParticipantRole.Partner, oldRole);
        openAi.Role = ParticipantRole.Partner;
        form.Participants.Remove(softBank);
        form.Participants.Add(new ParticipantForm { OrganizationId = await OrganizationIdAsync(database, "Nvidia"), Role = ParticipantRole.Backer });
        var before = (await AuditsAsync(database)).Count;

        var result = await database.Commands.RunAsync(Analyst, new UpdateDeal(form), Token);

        Assert.Equal(CommandOutcome.Saved, result.Outcome);
        var added = (await AuditsAsync(database)).Skip(before).ToList();
        Assert.Equal(
            [(nameof(DealParticipant), AuditAction.Created), (nameof(DealParticipant), AuditAction.Updated), (nameof(DealParticipant), AuditAction.Deleted)],
            added.Select(a => (a.EntityType, a.Action)).Order());
        var update = added.Single(a => a.Action == AuditAction.Updated);
        Assert.Equal(openAi.Id!.Value.ToString(CultureInfo.InvariantCulture), update.EntityId);
        Assert.Equal($"{{\"Role\":{{\"old\":\"{oldRole}\",\"new\":\"Partner\"}}}}", update.Changes);
        var detail = await database.DealDetails.GetDetailAsync(form.Id, Token);
        Assert.Equal(["OpenAI", "Nvidia"], detail!.Participants.Select(p => p.Organization.Name).Order().Reverse());

        // Only child rows changed, yet the deal's version moved: a form opened before this save now conflicts.
        Assert.Equal(form.Version + 1, result.Version);
    }

    [Fact]
    public async Task UpdateDealAsync_NothingChanged_KeepsTheVersionAndWritesNoAudit()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var form = await FormOfAsync(database, Equity);
        var before = (await AuditsAsync(database)).Count;

        var result = await database.Commands.RunAsync(Analyst, new UpdateDeal(form), Token);

        Assert.Equal((CommandOutcome.Saved, form.Version), (result.Outcome, result.Version!.Value));
        Assert.Equal(before, (await AuditsAsync(database)).Count);
    }

    [Fact]
    public async Task UpdateDealAsync_Saved_TellsOpenPagesTheDealAndItsRowsChanged()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var notifier = new ChangeNotifier();
        var changes = new List<DataChange>();
        notifier.Changed += changes.Add;
        var form = await FormOfAsync(database, Equity);
        form.Notes = "Reported by the FT.";
        form.Participants.RemoveAt(0);

        var result = await new CommandRunner(database.Contexts, notifier).RunAsync(Analyst, new UpdateDeal(form), Token);

        Assert.True(result.IsSaved);
        var change = Assert.Single(changes);
        Assert.Equal([nameof(Deal), nameof(DealParticipant)], change.EntityTypes.Order(StringComparer.Ordinal));
        Assert.Equal(Analyst.UserName, change.User);
    }

    [Fact]
    public async Task UpdateDealAsync_ParticipantIdOfAnotherDeal_AddsARowAndLeavesTheOtherDealAlone()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var wework = await FormOfAsync(database, WeWork);
        var form = await FormOfAsync(database, "Microsoft backing of OpenAI");
        form.Participants[0].Id = wework.Participants[0].Id;

        Assert.Equal(CommandOutcome.Saved, (await database.Commands.RunAsync(Analyst, new UpdateDeal(form), Token)).Outcome);

        var weworkAfter = await FormOfAsync(database, WeWork);
        Assert.Equal(wework.Participants[0].Id, Assert.Single(weworkAfter.Participants).Id);
        Assert.Equal(wework.Version, weworkAfter.Version);
    }

    [Fact]
    public async Task UpdateDealAsync_Missing_IsNotFound()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var form = await FormOfAsync(database, Equity);
        form.Id = 9_999;

        Assert.Equal(CommandOutcome.NotFound, (await database.Commands.RunAsync(Analyst, new UpdateDeal(form), Token)).Outcome);
    }
}
