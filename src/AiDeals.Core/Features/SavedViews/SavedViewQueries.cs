using AiDeals.Core.Data;
using AiDeals.Core.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.SavedViews;

/// <summary>A saved view as its menu lists it; <see cref="IsMine"/> says whether the reader may rename it.</summary>
public sealed record SavedViewSummary(int Id, int Version, string Name, string Query, bool IsShared, string Owner, bool IsMine);

/// <summary>The views an analyst can open: their own, then those the team shares, each by name.</summary>
public sealed class SavedViewQueries(IDbContextFactory<AiDealsDbContext> contexts)
{
    public async Task<IReadOnlyList<SavedViewSummary>> ListAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.CanEdit)
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var me = actor.UserName;
        var views = await db.SavedViews.AsNoTracking()
            .Where(v => v.Owner == me || v.IsShared)
            .Select(v => new SavedViewSummary(v.Id, v.Version, v.Name, v.Query, v.IsShared, v.Owner, v.Owner == me))
            .ToListAsync(cancellationToken);
        return views
            .OrderByDescending(v => v.IsMine)
            .ThenBy(v => v.Name, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(v => v.Id)
            .ToList();
    }
}
