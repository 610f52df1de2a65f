using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Accounts;
using AiDeals.Core.Features.Deals;
using AiDeals.Core.Features.MarketEvents;
using AiDeals.Core.Features.Organizations;
using AiDeals.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static AiDeals.Core.Tests.Support.DealFixtures;

namespace AiDeals.Core.Tests;

/// <summary>
/// The dashboard's aggregates, kept by triggers in each write's transaction, equal a full recomputation after every
/// kind of write: creates, updates, deletes, restores, merges, and deals becoming and ceasing to be umbrellas.
/// </summary>
public sealed class DashboardAggregateTests
{
    private static readonly Actor Analyst = Actor.Create("ann@aideals.test", Roles.Analyst);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Aggregates_ArticleDealBookThroughEveryKindOfWrite_EqualARecomputationAfterEachStep()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        await AggregateCheck.AssertMatchRecomputationAsync(database, "seeding the deal book");

        var created = await SaveAsync(database, new CreateDeal(await NewFormAsync(database)));
        await AggregateCheck.AssertMatchRecomputationAsync(database, "a create");

        var form = await FormOfIdAsync(database, created);
        (form.AmountLow, form.AmountHigh, form.AmountQualifier) = (40_000_000_000, null, AmountQualifier.AtLeast);
        (form.Status, form.Kind) = (DealStatus.Completed, DealKind.Debt);
        (form.AnnouncedOn, form.AnnouncedPrecision) = (new DateOnly(2024, 10, 1), DatePrecision.Quarter);
        form.Participants[0].CommitmentLow = 5_000_000_000;
        form.Participants[0].CommitmentQualifier = AmountQualifier.AtLeast;
        await SaveAsync(database, new UpdateDeal(form));
        await AggregateCheck.AssertMatchRecomputationAsync(database, "an update of amount, status, kind, date and commitment");

        // WeWork's deal becomes an umbrella: it stops counting, its new part counts.
        form = await FormOfIdAsync(database, created);
        form.PartOfIds = [await IdOfAsync(database, WeWork)];
        await SaveAsync(database, new UpdateDeal(form));
        await AggregateCheck.AssertMatchRecomputationAsync(database, "a deal becoming an umbrella");

        form = await FormOfIdAsync(database, created);
        await SaveAsync(database, new DeleteDeal(form.Id, form.Version));
        await AggregateCheck.AssertMatchRecomputationAsync(database, "deleting the umbrella's only part");

        await SaveAsync(database, new RestoreDeal(created));
        await AggregateCheck.AssertMatchRecomputationAsync(database, "restoring the part");

        form = await FormOfIdAsync(database, created);
        form.PartOfIds = [];
        form.Participants.Add(new ParticipantForm
        {
            OrganizationId = await OrganizationIdAsync(database, "Microsoft"),
            Role = ParticipantRole.CoInvestor,
            CommitmentLow = 1_000_000_000,
            CommitmentHigh = 3_000_000_000,
            CommitmentQualifier = AmountQualifier.Range,
        });
        await SaveAsync(database, new UpdateDeal(form));
        await AggregateCheck.AssertMatchRecomputationAsync(database, "moving the part out and adding a participant");

        form = await FormOfIdAsync(database, created);
        form.Participants.RemoveAt(0);
        await SaveAsync(database, new UpdateDeal(form));
        await AggregateCheck.AssertMatchRecomputationAsync(database, "removing a participant");

        // The umbrella of the article: its parts move out one by one until it is a leaf itself.
        var partnership = await IdOfAsync(database, Partnership);
        foreach (var part in await PartsOfAsync(database, partnership))
        {
            form = await FormOfIdAsync(database, part);
            form.PartOfIds = [];
            await SaveAsync(database, new UpdateDeal(form));
            await AggregateCheck.AssertMatchRecomputationAsync(database, "moving a part out of the partnership");
        }

        await SaveAsync(database, new MergeOrganizations(await OrganizationIdAsync(database, "Microsoft"), await OrganizationIdAsync(database, "Nvidia")));
        await AggregateCheck.AssertMatchRecomputationAsync(database, "a merge of two investors");

        var marketEvent = await SaveAsync(database, new CreateMarketEvent(new MarketEventForm { Occurred = "2025-02", Title = "A market event" }));
        await AggregateCheck.AssertMatchRecomputationAsync(database, "a market event created");
        await SaveAsync(database, new DeleteMarketEvent(marketEvent, 0));
        await AggregateCheck.AssertMatchRecomputationAsync(database, "a market event deleted");
    }

    [Fact]
    public async Task Aggregates_GeneratedDatabaseThroughUmbrellaChanges_EqualARecomputationAfterEachStep()
    {
        var (database, _) = await GeneratedDatabase.GenerateAsync(seed: 11, deals: 3_000);
        await using var generated = database;
        await AggregateCheck.AssertMatchRecomputationAsync(database, "generating 3,000 deals");

        await using var db = await database.CreateContextAsync();
        // An umbrella with one live part: deleting the part makes it a leaf again, restoring it an umbrella.
        var single = await db.DealLinks.Where(l => l.Wider!.Parts.Count == 1 && !l.Part!.Parts.Any())
            .Select(l => new { Id = l.PartId, l.Part!.Version, Umbrella = l.WiderId }).FirstAsync(Token);
        await SaveAsync(database, new DeleteDeal(single.Id, single.Version));
        await AggregateCheck.AssertMatchRecomputationAsync(database, "deleting an umbrella's only part");
        await SaveAsync(database, new RestoreDeal(single.Id));
        await AggregateCheck.AssertMatchRecomputationAsync(database, "restoring it");

        // A leaf with participants goes under another leaf, then its amount and participants change there.
        var leaves = await db.Deals.Where(d => !d.PartOf.Any() && !d.Parts.Any() && d.Participants.Count >= 2)
            .OrderBy(d => d.Id).Select(d => d.Id).Take(2).ToListAsync(Token);
        var form = await FormOfIdAsync(database, leaves[0]);
        form.PartOfIds = [leaves[1]];
        await SaveAsync(database, new UpdateDeal(form));
        await AggregateCheck.AssertMatchRecomputationAsync(database, "a leaf becoming an umbrella");

        form = await FormOfIdAsync(database, leaves[0]);
        (form.AmountLow, form.AmountHigh, form.AmountQualifier) = (7_000_000, 9_000_000, AmountQualifier.Range);
        form.Participants[0].CommitmentHigh = 2_000_000;
        form.Participants[0].CommitmentLow = 2_000_000;
        form.Participants[0].CommitmentQualifier = AmountQualifier.Exact;
        form.Participants.RemoveAt(1);
        await SaveAsync(database, new UpdateDeal(form));
        await AggregateCheck.AssertMatchRecomputationAsync(database, "a part's amount and participants changing");

        // The umbrella moves under the single-part umbrella's part: a chain of three.
        form = await FormOfIdAsync(database, leaves[1]);
        form.PartOfIds = [single.Id];
        await SaveAsync(database, new UpdateDeal(form));
        await AggregateCheck.AssertMatchRecomputationAsync(database, "an umbrella going under another deal");

        var investors = await db.DealParticipants.GroupBy(p => p.OrganizationId).OrderByDescending(g => g.Count())
            .Select(g => g.Key).Take(2).ToListAsync(Token);
        await SaveAsync(database, new MergeOrganizations(investors[0], investors[1]));
        await AggregateCheck.AssertMatchRecomputationAsync(database, "a merge of the two busiest investors");
    }

    private static async Task<int> SaveAsync(TestDatabase database, Command command)
    {
        var result = await database.Commands.RunAsync(Analyst, command, Token);
        Assert.True(result.IsSaved, $"{command.GetType().Name}: {result.Outcome} {string.Join("; ", result.Errors.SelectMany(e => e.Value))}");
        return result.Id ?? 0;
    }

    private static async Task<DealForm> FormOfIdAsync(TestDatabase database, int id) =>
        (await database.DealForms.GetFormAsync(id, Token))!;

    private static async Task<List<int>> PartsOfAsync(TestDatabase database, int umbrella)
    {
        await using var db = await database.CreateContextAsync();
        return await db.DealLinks.Where(l => l.WiderId == umbrella).Select(l => l.PartId).ToListAsync(Token);
    }
}
