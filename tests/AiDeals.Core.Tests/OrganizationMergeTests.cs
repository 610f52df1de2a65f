using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Accounts;
using AiDeals.Core.Features.History;
using AiDeals.Core.Features.Organizations;
using AiDeals.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Tests;

/// <summary>
/// Merging a duplicate of SoftBank Group into it: a duplicate that takes part in one of SoftBank's deals and in one of
/// its own, is the target of a deal, and has a valuation, two market events (one shared with SoftBank) and a citation.
/// </summary>
public class OrganizationMergeTests
{
    private const string Duplicate = "SoftBank Vision Dup";
    private const string SharedDeal = "SoftBank investment in WeWork";
    private const string OwnDeal = "Microsoft backing of OpenAI";
    private const string Reason = "Merged SoftBank Vision Dup into SoftBank Group";

    private static readonly Actor Analyst = Actor.Create("ann@aideals.local", Roles.Analyst);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Preview_Duplicate_CountsWhatMovesAndNamesTheSharedDeal()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var (survivor, duplicate) = await SeedDuplicateAsync(database);

        var preview = (await new OrganizationQueries(database.Contexts).PreviewMergeAsync(survivor, duplicate, Token))!;

        Assert.Equal("SoftBank Group", preview.Survivor.Name);
        Assert.Equal([Duplicate, "SVF Dup"], preview.NewAliases);
        Assert.Equal((1, 2, 1, 2, 1), (preview.DealsAsTarget, preview.Participations, preview.Valuations, preview.MarketEvents, preview.Citations));
        Assert.Equal([SharedDeal], preview.SharedDeals.Select(d => d.Title));
    }

    [Fact]
    public async Task Merge_Duplicate_MovesEverythingToTheSurvivorAndDeletesTheDuplicate()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var (survivor, duplicate) = await SeedDuplicateAsync(database);

        var result = await database.Commands.RunAsync(Analyst, new MergeOrganizations(survivor, duplicate), Token);

        Assert.Equal(CommandOutcome.Saved, result.Outcome);
        Assert.Equal(survivor, result.Id);
        await using var db = await database.CreateContextAsync();
        Assert.Equal(Duplicate, (await db.Organizations.IgnoreQueryFilters().SingleAsync(o => o.Id == duplicate, Token)).Name);
        Assert.False(await db.Organizations.AnyAsync(o => o.Id == duplicate, Token));
        Assert.Equal("SoftBank Group", await db.Deals.Where(d => d.Title == "Dup seed round").Select(d => d.Target!.Name).SingleAsync(Token));
        Assert.Equal(
            ["SoftBank Group"],
            await db.DealParticipants.Where(p => p.Deal!.Title == SharedDeal).Select(p => p.Organization!.Name).ToListAsync(Token));
        Assert.Contains("SoftBank Group", await db.DealParticipants.Where(p => p.Deal!.Title == OwnDeal).Select(p => p.Organization!.Name).ToListAsync(Token));
        Assert.Equal(0, await db.DealParticipants.IgnoreQueryFilters().CountAsync(p => p.OrganizationId == duplicate, Token));
        Assert.Equal(survivor, await db.Valuations.Where(v => v.Amount == 1_000_000_000).Select(v => v.OrganizationId).SingleAsync(Token));
        Assert.Equal(
            ["DeepSeek releases the R1 reasoning model", "Nvidia loses nearly $589 billion of market value in a day"],
            await db.MarketEventOrganizations.Where(l => l.OrganizationId == survivor).Select(l => l.MarketEvent!.Title).Order().ToListAsync(Token));
        Assert.Equal(0, await db.MarketEventOrganizations.IgnoreQueryFilters().CountAsync(l => l.OrganizationId == duplicate, Token));
        Assert.Equal(survivor, await db.Citations.Where(c => c.Quote == "Dup quote").Select(c => c.OrganizationId).SingleAsync(Token));
        Assert.Equal(
            ["SVF Dup", "SoftBank", "SoftBank Group Corp.", Duplicate],
            (await db.OrganizationAliases.Where(a => a.OrganizationId == survivor).Select(a => a.Name).ToListAsync(Token)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Merge_Duplicate_IsAuditedWithItsReasonInOneSaveAndShownInHistory()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var (survivor, duplicate) = await SeedDuplicateAsync(database);
        long before;
        await using (var db = await database.CreateContextAsync())
        {
            before = await db.AuditEntries.MaxAsync(a => a.Id, Token);
        }

        await database.Commands.RunAsync(Analyst, new MergeOrganizations(survivor, duplicate), Token);

        await using var reader = await database.CreateContextAsync();
        var entries = await reader.AuditEntries.AsNoTracking().Where(a => a.Id > before).ToListAsync(Token);
        Assert.All(entries, e => Assert.Equal((Reason, Analyst.UserName), (e.Reason, e.User)));
        Assert.Single(entries.Select(e => e.AtUtc).Distinct());
        Assert.Equal(
            ["Citation", "Deal", "DealParticipant", "DealParticipant", "MarketEventOrganization", "MarketEventOrganization", "MarketEventOrganization",
                "Organization", "OrganizationAlias", "OrganizationAlias", "Valuation"],
            entries.Select(e => e.EntityType).Order(StringComparer.Ordinal));
        var history = await new HistoryQueries(database.Contexts).ListForAsync([(nameof(Organization), duplicate)], Token);
        var deleted = history[0];
        Assert.Equal((AuditAction.Deleted, Reason), (deleted.Action, deleted.Reason));
    }

    [Fact]
    public async Task Merge_FailingSave_ChangesNothing()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var (survivor, duplicate) = await SeedDuplicateAsync(database);
        long before;
        await using (var db = await database.CreateContextAsync())
        {
            before = await db.AuditEntries.MaxAsync(a => a.Id, Token);
        }

        // The citation is among the last rows the merge writes: everything before it must roll back with it.
        await PlantedTrigger.RefuseAsync(database, "fail_citation_move", "UPDATE", "Citations", "simulated failure");

        await Assert.ThrowsAnyAsync<DbUpdateException>(
            () => database.Commands.RunAsync(Analyst, new MergeOrganizations(survivor, duplicate), Token));

        await using var reader = await database.CreateContextAsync();
        Assert.True(await reader.Organizations.AnyAsync(o => o.Id == duplicate, Token));
        Assert.Equal(duplicate, await reader.Deals.Where(d => d.Title == "Dup seed round").Select(d => d.TargetId).SingleAsync(Token));
        Assert.Equal(2, await reader.DealParticipants.CountAsync(p => p.OrganizationId == duplicate, Token));
        Assert.Equal(duplicate, await reader.Valuations.Where(v => v.Amount == 1_000_000_000).Select(v => v.OrganizationId).SingleAsync(Token));
        Assert.Equal(2, await reader.OrganizationAliases.CountAsync(a => a.OrganizationId == survivor, Token));
        Assert.False(await reader.AuditEntries.AnyAsync(a => a.Id > before, Token));
    }

    [Fact]
    public async Task Merge_IntoItself_IsInvalid()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var (survivor, _) = await SeedDuplicateAsync(database);

        var result = await database.Commands.RunAsync(Analyst, new MergeOrganizations(survivor, survivor), Token);

        Assert.Equal(CommandOutcome.Invalid, result.Outcome);
    }

    [Fact]
    public async Task Merge_Viewer_IsForbiddenAndMovesNothing()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var (survivor, duplicate) = await SeedDuplicateAsync(database);

        var result = await database.Commands.RunAsync(Actor.Create("vic@aideals.local", Roles.Viewer), new MergeOrganizations(survivor, duplicate), Token);

        Assert.Equal(CommandOutcome.Forbidden, result.Outcome);
        await using var db = await database.CreateContextAsync();
        Assert.True(await db.Organizations.AnyAsync(o => o.Id == duplicate, Token));
    }

    /// <summary>The duplicate and everything attached to it; returns SoftBank Group's id and the duplicate's.</summary>
    private static async Task<(int Survivor, int Duplicate)> SeedDuplicateAsync(TestDatabase database)
    {
        var created = await database.Commands.RunAsync(Analyst, new CreateOrganization(new OrganizationForm { Name = Duplicate, Aliases = ["SVF Dup"], Type = OrganizationType.VentureFund }), Token);
        var duplicate = created.Id!.Value;
        await using var db = await database.CreateContextAsync();
        var survivor = await db.Organizations.Where(o => o.Slug == "softbank").Select(o => o.Id).SingleAsync(Token);
        var deals = await db.Deals.Where(d => d.Title == SharedDeal || d.Title == OwnDeal).ToDictionaryAsync(d => d.Title, d => d.Id, Token);
        var events = await db.MarketEvents.ToDictionaryAsync(e => e.Title, e => e.Id, Token);
        var nvidiaLoss = events["Nvidia loses nearly $589 billion of market value in a day"];
        var source = await db.Sources.Select(s => s.Id).FirstAsync(Token);

        db.DealParticipants.Add(new DealParticipant { DealId = deals[SharedDeal], OrganizationId = duplicate, Role = ParticipantRole.CoInvestor });
        db.DealParticipants.Add(new DealParticipant { DealId = deals[OwnDeal], OrganizationId = duplicate, Role = ParticipantRole.CoInvestor });
        db.Deals.Add(new Deal { Title = "Dup seed round", TargetId = duplicate, Kind = DealKind.EquityInvestment, Status = DealStatus.Announced });
        db.Valuations.Add(new Valuation { OrganizationId = duplicate, AsOfDate = PartialDate.Year(2024), Amount = 1_000_000_000, Kind = ValuationKind.PostMoney });
        db.MarketEventOrganizations.Add(new MarketEventOrganization { MarketEventId = events["DeepSeek releases the R1 reasoning model"], OrganizationId = duplicate });
        db.MarketEventOrganizations.Add(new MarketEventOrganization { MarketEventId = nvidiaLoss, OrganizationId = duplicate });
        if (!await db.MarketEventOrganizations.AnyAsync(l => l.MarketEventId == nvidiaLoss && l.OrganizationId == survivor, Token))
        {
            db.MarketEventOrganizations.Add(new MarketEventOrganization { MarketEventId = nvidiaLoss, OrganizationId = survivor });
        }

        db.Citations.Add(new Citation { SourceId = source, Quote = "Dup quote", OrganizationId = duplicate });
        await db.SaveChangesAsync(Token);
        return (survivor, duplicate);
    }
}
