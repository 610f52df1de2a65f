using AiDeals.Core.Data;
using AiDeals.Core.Data.Configurations;
using AiDeals.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Tests.Generation;

/// <summary>
/// The generator writes the deal list's sort keys itself (it sets the triggers aside while it writes): they are the
/// values the triggers would have written, and the triggers are back afterwards.
/// </summary>
[Collection(nameof(GeneratedDatabase))]
public sealed class SyntheticDataListKeysTests(GeneratedDatabase generated)
{
    [Fact]
    public async Task GeneratedKeys_AreTheTargetAndFirstInvestorTheListShows()
    {
        await using var db = await generated.Database.CreateContextAsync();
        var token = TestContext.Current.CancellationToken;
        var rows = await db.Deals.AsNoTracking()
            .OrderBy(d => d.Id)
            .Take(2_000)
            .Select(d => new
            {
                Target = EF.Property<string>(d, DealListKeys.Target),
                TargetShown = d.Target == null ? string.Empty : d.Target.Name,
                Investor = EF.Property<string>(d, DealListKeys.Investor),
                InvestorShown = d.Participants.AsQueryable()
                    .OrderBy(p => p.Role == Domain.ParticipantRole.Lead ? 0 : p.Role == Domain.ParticipantRole.CoInvestor ? 1 : p.Role == Domain.ParticipantRole.Backer ? 2 : 3)
                    .ThenBy(p => p.Organization!.Name)
                    .Select(p => p.Organization!.Name)
                    .FirstOrDefault() ?? string.Empty,
            })
            .ToListAsync(token);

        Assert.All(rows, r => Assert.Equal(r.TargetShown, r.Target));
        Assert.All(rows, r => Assert.Equal(r.InvestorShown, r.Investor));
        Assert.Contains(rows, r => r.Investor.Length > 0);
    }

    [Fact]
    public async Task GeneratedInvestors_AreTheInvestorsTheListShows_InItsOrder()
    {
        await using var db = await generated.Database.CreateContextAsync();
        var token = TestContext.Current.CancellationToken;
        var kept = await db.Deals.AsNoTracking().OrderBy(d => d.Id).Take(2_000)
            .Select(d => new { d.Id, Kept = EF.Property<string>(d, DealListKeys.Investors) })
            .ToListAsync(token);
        var ids = kept.Select(k => k.Id).ToList();
        var participations = await db.DealParticipants.AsNoTracking()
            .Where(p => ids.Contains(p.DealId))
            .Select(p => new { p.DealId, p.Role, p.Organization!.Name, p.Organization.Slug })
            .ToListAsync(token);
        var shown = participations.ToLookup(p => p.DealId, p => p);

        Assert.All(kept, k => Assert.Equal(
            shown[k.Id].OrderBy(p => p.Role).ThenBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Slug, StringComparer.Ordinal)
                .Select(p => new AiDeals.Core.Features.OrganizationRef(p.Name, p.Slug)),
            AiDeals.Core.Features.Deals.DealListReader.Investors(k.Kept)));
        Assert.Contains(kept, k => AiDeals.Core.Features.Deals.DealListReader.Investors(k.Kept).Count > 1);
    }

    [Fact]
    public async Task AfterTheRun_TheTriggersAreBack()
    {
        await using var db = await generated.Database.CreateContextAsync();

        // On PostgreSQL the run switches each table's triggers off for its COPY: "back" is there and enabled ('O').
        var triggers = await db.Database
            .SqlQueryRaw<string>(generated.Database.Provider == DatabaseProvider.PostgreSql
                ? """SELECT tgname AS "Value" FROM pg_trigger WHERE NOT tgisinternal AND tgenabled = 'O' ORDER BY tgname"""
                : "SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
            .ToListAsync(TestContext.Current.CancellationToken);

        Assert.Contains("TR_DealParticipants_Insert_ListKeys", triggers);
        Assert.Contains("TR_Organizations_ListKeys", triggers);
        Assert.Equal(6, triggers.Count(t => t.EndsWith("_ListKeys", StringComparison.Ordinal)));
    }
}
