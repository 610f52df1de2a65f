using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Accounts;
using AiDeals.Core.Features.Deals;
using AiDeals.Core.Features.Organizations;
using AiDeals.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Tests;

/// <summary>
/// The wider deals' kept rests (UnionRests), counted again in each write's transaction, equal a recount of the union rule
/// over every figure and link after each step of a random sequence of edits: amounts, links added and removed, deletes,
/// restores, participants' commitments, a merge of organizations and a bulk batch.
/// </summary>
public sealed class UnionRestTests
{
    private static readonly Actor Analyst = Actor.Create("ann@aideals.test", Roles.Analyst);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task KeptRests_RandomEditsOnAGeneratedDatabase_EqualARecountAfterEachStep()
    {
        var (database, _) = await GeneratedDatabase.GenerateAsync(seed: 5, deals: 700);
        await using var generated = database;
        await KeptRests.AssertEqualRecountAsync(database, "generating 700 deals");

        var random = new Random(2026);
        var saved = 0;
        for (var step = 0; step < 40; step++)
        {
            var (what, command) = await NextEditAsync(database, random);
            var result = await database.Commands.RunAsync(Analyst, command, Token);
            // A link that would close a cycle is refused; whatever is refused must leave the rests as they were.
            saved += result.IsSaved ? 1 : 0;
            await KeptRests.AssertEqualRecountAsync(database, $"step {step}: {what} ({result.Outcome})");
        }

        Assert.True(saved >= 30, $"Only {saved} of 40 edits saved: the sequence tests too little.");

        var investors = await InvestorsAsync(database);
        Assert.True((await database.Commands.RunAsync(Analyst, new MergeOrganizations(investors[0], investors[1]), Token)).IsSaved);
        await KeptRests.AssertEqualRecountAsync(database, "a merge of the two busiest investors");

        // A bulk batch (an import's path, the aggregate triggers set aside): a link and an amount in one transaction.
        var (_, first) = await NextEditAsync(database, random, kind: 1);
        var (_, second) = await NextEditAsync(database, random, kind: 0);
        var batch = await database.Commands.RunBatchAsync(Analyst, new CommandBatch("bulk", MaxFailures: 5) { Bulk = true }, [first, second], Token);
        Assert.True(batch.Committed);
        await KeptRests.AssertEqualRecountAsync(database, "a bulk batch");
    }

    [Fact]
    public async Task KeptRests_SeededArticleDeals_HoldThePartnershipsRestBeyondStargatesShare()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        await KeptRests.AssertEqualRecountAsync(database, "seeding the deal book");
        await using var db = await database.CreateContextAsync();
        Assert.NotEmpty(await db.UnionRests.Where(r => r.GroupId == 0).ToListAsync(Token));
        Assert.Empty(await db.UnionPending.ToListAsync(Token));
    }

    private static async Task<(string What, Command Command)> NextEditAsync(TestDatabase database, Random random, int? kind = null)
    {
        await using var db = await database.CreateContextAsync();
        var linked = await db.Deals.IgnoreQueryFilters()
            .Where(d => d.Parts.Any() || d.PartOf.Any()).OrderBy(d => d.Id).Select(d => new { d.Id, d.DeletedAt, d.Version }).ToListAsync(Token);
        var live = linked.Where(d => d.DeletedAt == null).ToList();
        var pick = live[random.Next(live.Count)];
        var form = (await database.DealForms.GetFormAsync(pick.Id, Token))!;
        switch (kind ?? random.Next(7))
        {
            case 0:
                var low = random.Next(1, 5_000) * 1_000_000L;
                (form.AmountLow, form.AmountHigh, form.AmountQualifier) = random.Next(3) switch
                {
                    0 => (low, (long?)null, AmountQualifier.AtLeast),
                    1 => (low, low * 3, AmountQualifier.Range),
                    _ => (low, low, AmountQualifier.Exact),
                };
                return ($"the amount of #{pick.Id}", new UpdateDeal(form));
            case 1:
                var wider = live[random.Next(live.Count)].Id;
                if (wider == pick.Id || form.PartOfIds.Contains(wider))
                {
                    goto case 0;
                }

                form.PartOfIds = [.. form.PartOfIds, wider];
                return ($"#{pick.Id} part of #{wider}", new UpdateDeal(form));
            case 2 when form.PartOfIds.Count > 0:
                form.PartOfIds = [.. form.PartOfIds.Skip(1)];
                return ($"#{pick.Id} leaving a wider deal", new UpdateDeal(form));
            case 3:
                return ($"deleting #{pick.Id}", new DeleteDeal(pick.Id, pick.Version));
            case 4 when linked.FirstOrDefault(d => d.DeletedAt != null) is { } deleted:
                return ($"restoring #{deleted.Id}", new RestoreDeal(deleted.Id));
            case 5 when form.Participants.Count > 0:
                var participant = form.Participants[random.Next(form.Participants.Count)];
                (participant.CommitmentLow, participant.CommitmentHigh, participant.CommitmentQualifier) =
                    (random.Next(1, 900) * 1_000_000L, null, AmountQualifier.AtLeast);
                return ($"a commitment in #{pick.Id}", new UpdateDeal(form));
            case 6 when form.Participants.Count > 1:
                form.Participants.RemoveAt(random.Next(form.Participants.Count));
                return ($"a participant leaving #{pick.Id}", new UpdateDeal(form));
            default:
                goto case 0;
        }
    }

    private static async Task<List<int>> InvestorsAsync(TestDatabase database)
    {
        await using var db = await database.CreateContextAsync();
        return await db.DealParticipants.Where(p => p.Deal!.Parts.Any() || p.Deal.PartOf.Any())
            .GroupBy(p => p.OrganizationId).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).Take(2).ToListAsync(Token);
    }
}
