using AiDeals.Core.Features.Organizations;
using AiDeals.Core.Tests.Support;
using AiDeals.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Tests.Plans;

/// <summary>
/// On 20,000 generated deals: the profile of an investor in many deals finds its newest deals by walking the deals'
/// date index (<see cref="NewestCommitments"/>), and lists the same deals in the same order as sorting all its
/// participations would; an investor in few deals is read from its participations.
/// </summary>
[Collection(nameof(GeneratedDatabase))]
public sealed class ProfileBusyInvestorTests(GeneratedDatabase generated)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetProfileAsync_InvestorInManyDeals_ListsItsNewestDealsAsSortingThemAllWould()
    {
        var (id, slug, participations) = (await InvestorsAsync())[0];
        Assert.True(participations >= 2 * OrganizationProfileQueries.RowsShown, $"{slug} takes part {participations} times");

        var profile = await new OrganizationProfileQueries(generated.Database.Contexts).GetProfileAsync(slug, Token);

        Assert.NotNull(profile);
        Assert.Equal(await NewestAsync(id), profile.Commitments.Select(c => c.Deal.Id));
        Assert.Equal(participations, profile.CommitmentCount);
    }

    [Fact]
    [SqliteOnly("The walk is SQLite's; PostgreSQL's planner counts rows itself")]
    public async Task IdsAsync_InvestorInManyDealsOrFew_WalksForTheBusyOneOnly()
    {
        var investors = await InvestorsAsync();
        var (busy, _, many) = investors[0];
        var (quiet, _, few) = investors.Last(i => i.Participations >= 5);
        await using var db = await generated.Database.CreateContextAsync();

        var walked = await NewestCommitments.IdsAsync(db, busy, many, OrganizationProfileQueries.RowsShown, Token);
        var notWalked = await NewestCommitments.IdsAsync(db, quiet, few, OrganizationProfileQueries.RowsShown, Token);

        Assert.NotNull(walked);
        Assert.Equal(OrganizationProfileQueries.RowsShown, walked.Count);
        var deals = await db.DealParticipants.AsNoTracking().Where(p => walked.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DealId, Token);
        Assert.Equal(await NewestAsync(busy), walked.Select(participation => deals[participation]));
        Assert.Null(notWalked);
    }

    // The investor's newest deals as the profile orders them (announced newest first, then by title), from all its participations.
    private async Task<List<int>> NewestAsync(int organizationId)
    {
        await using var db = await generated.Database.CreateContextAsync();
        return await db.DealParticipants.AsNoTracking()
            .Where(p => p.OrganizationId == organizationId && p.Deal!.DeletedAt == null)
            .OrderByDescending(p => p.Deal!.AnnouncedOn)
            .ThenBy(p => p.Deal!.Title)
            .Take(OrganizationProfileQueries.RowsShown)
            .Select(p => p.DealId)
            .ToListAsync(Token);
    }

    // Each investor's id, slug and live participations in live deals, the most first.
    private async Task<List<(int Id, string Slug, int Participations)>> InvestorsAsync()
    {
        await using var db = await generated.Database.CreateContextAsync();
        var investors = await db.DealParticipants.AsNoTracking()
            .Where(p => p.Deal!.DeletedAt == null)
            .GroupBy(p => new { p.OrganizationId, p.Organization!.Slug })
            .Select(g => new { g.Key.OrganizationId, g.Key.Slug, Participations = g.Count() })
            .OrderByDescending(g => g.Participations)
            .ThenBy(g => g.OrganizationId)
            .ToListAsync(Token);
        return [.. investors.Select(i => (i.OrganizationId, i.Slug, i.Participations))];
    }
}
