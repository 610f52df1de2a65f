using System.Globalization;
using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Feeds;

/// <summary>What a feed of deals needs beyond the list's rows: when each deal last changed.</summary>
public sealed class DealFeedQueries(IDbContextFactory<AiDealsDbContext> contexts)
{
    /// <summary>
    /// The time of each deal's newest audit entry (its own row, not its parts'), by deal id; a deal with none (written
    /// outside the audit) is left out. One indexed lookup per deal.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, DateTime>> LastChangedAsync(IReadOnlyCollection<int> dealIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dealIds);
        if (dealIds.Count == 0)
        {
            return new Dictionary<int, DateTime>();
        }

        var keys = dealIds.Select(id => id.ToString(CultureInfo.InvariantCulture)).ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(Deal) && keys.Contains(a.EntityId))
            .GroupBy(a => a.EntityId)
            .Select(g => new { g.Key, At = g.Max(a => a.AtUtc) })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(
            r => int.Parse(r.Key, CultureInfo.InvariantCulture),
            r => DateTime.SpecifyKind(r.At, DateTimeKind.Utc));
    }
}
