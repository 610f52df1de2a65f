using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Tests.Support;

/// <summary>The wider deals' kept rests (UnionRests) compared with <see cref="UnionRecount"/> over the live rows.</summary>
internal static class KeptRests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    // Every group recounted in memory (UnionRecount) from the live rows: the deals' amounts and each organization's commitments.
    public static async Task AssertEqualRecountAsync(TestDatabase database, string after)
    {
        await using var db = await database.CreateContextAsync();
        var links = (await db.DealLinks.Where(l => l.Part!.DeletedAt == null && l.Wider!.DeletedAt == null)
            .Select(l => new { l.PartId, l.WiderId }).ToListAsync(Token)).Select(l => (l.PartId, l.WiderId)).ToList();
        var deals = await db.Deals.Select(d => new { d.Id, d.AmountLow, d.AmountHigh }).ToListAsync(Token);
        var participations = await db.DealParticipants.Where(p => p.Deal!.DeletedAt == null)
            .Select(p => new { p.OrganizationId, p.DealId, p.CommitmentLow, p.CommitmentHigh }).ToListAsync(Token);
        var groups = participations.GroupBy(p => p.OrganizationId)
            .Select(g => (Group: g.Key, Figures: g.ToDictionary(p => p.DealId, p => Figure(p.CommitmentLow, p.CommitmentHigh))))
            .Prepend((Group: 0, Figures: deals.ToDictionary(d => d.Id, d => Figure(d.AmountLow, d.AmountHigh))));
        var expected = new SortedDictionary<(int, int), (double, double, double, double)>();
        foreach (var (group, figures) in groups)
        {
            foreach (var (id, rest) in UnionRecount.Count(figures, links).Rests)
            {
                expected[(group, id)] = (figures[id].Low, figures[id].High, rest.Low, rest.High);
            }
        }

        var kept = new SortedDictionary<(int, int), (double, double, double, double)>(
            (await db.UnionRests.ToListAsync(Token)).ToDictionary(r => (r.GroupId, r.WiderId), r => (r.OwnLow, r.OwnHigh, r.RestLow, r.RestHigh)));
        Assert.True(expected.Count > 0, $"After {after}: no wider deal counts less than its figure, so nothing is compared.");
        Assert.True(
            expected.SequenceEqual(kept),
            $"After {after}: kept rests differ from the recount. Missing or different: "
            + string.Join(", ", expected.Except(kept).Take(5)) + "; extra: " + string.Join(", ", kept.Except(expected).Take(5)));
        Assert.Empty(await db.UnionPending.ToListAsync(Token));
    }

    private static (double Low, double High) Figure(long? low, long? high) => (low ?? 0, high ?? low ?? 0);
}
