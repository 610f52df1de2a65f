using AiDeals.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Deals;

/// <summary>
/// The rules of "part of" against the database: each wider deal exists and is live, and none of them is already under
/// the deal (directly or through other deals), which would make the links a cycle and the totals undefined.
/// </summary>
internal static class DealLinkRules
{
    public static async Task CheckAsync(CommandScope scope, IReadOnlyList<int> widerIds, int dealId)
    {
        var (db, errors, cancellationToken) = (scope.Db, scope.Errors, scope.CancellationToken);
        foreach (var id in widerIds)
        {
            if (!await scope.Live.DealAsync(id, cancellationToken))
            {
                errors.Add(nameof(DealForm.PartOfIds), $"Deal #{id} does not exist or was deleted: it cannot be a wider deal.");
                return;
            }
        }

        if (dealId == 0)
        {
            return;
        }

        // Up from the chosen wider deals, one level at a time, remembering how each deal was reached: meeting this deal
        // means it is already under one of them, and the path back names the cycle.
        var reachedFrom = widerIds.ToDictionary(id => id, _ => dealId);
        var frontier = widerIds.ToList();
        while (frontier.Count > 0 && !reachedFrom.ContainsKey(dealId))
        {
            var links = await db.DealLinks.AsNoTracking()
                .Where(l => frontier.Contains(l.PartId))
                .Select(l => new { l.PartId, l.WiderId })
                .ToListAsync(cancellationToken);
            frontier = [];
            foreach (var link in links.Where(l => reachedFrom.TryAdd(l.WiderId, l.PartId)))
            {
                frontier.Add(link.WiderId);
            }
        }

        if (!reachedFrom.ContainsKey(dealId))
        {
            return;
        }

        // dealId ← … ← the wider deal picked ← dealId: walk the path back down to the deal, then name it from the top.
        var path = new List<int> { dealId };
        for (var at = reachedFrom[dealId]; at != dealId; at = reachedFrom[at])
        {
            path.Add(at);
        }

        path.Add(dealId);
        path.Reverse();
        var titles = await db.Deals.IgnoreQueryFilters().AsNoTracking()
            .Where(d => path.Contains(d.Id))
            .ToDictionaryAsync(d => d.Id, d => d.Title, cancellationToken);
        var names = path.Select(id => "“" + titles.GetValueOrDefault(id, "#" + id) + "”").ToList();
        var cycle = names[0] + " is part of " + string.Join(" which is part of ", names.Skip(1));
        errors.Add(nameof(DealForm.PartOfIds), $"{cycle}: a deal cannot be part of itself.");
    }
}
