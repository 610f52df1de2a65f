using System.Globalization;
using AiDeals.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.SavedViews;

/// <summary>A view saved meanwhile (a rename in another tab): who saved it last, and its name and sharing now.</summary>
internal static class SavedViewConflicts
{
    public static async Task<ConflictInfo> DescribeAsync(AiDealsDbContext db, int id, CancellationToken cancellationToken)
    {
        var view = await db.SavedViews.IgnoreQueryFilters().AsNoTracking().SingleAsync(v => v.Id == id, cancellationToken);
        var key = id.ToString(CultureInfo.InvariantCulture);
        var latest = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(SavedView) && a.EntityId == key)
            .OrderByDescending(a => a.Id)
            .Select(a => new { a.User, a.AtUtc })
            .FirstOrDefaultAsync(cancellationToken);
        return new ConflictInfo(
            latest?.User,
            latest is null ? null : DateTime.SpecifyKind(latest.AtUtc, DateTimeKind.Utc),
            view.Version,
            new Dictionary<string, string?>
            {
                [nameof(SavedViewForm.Name)] = view.Name,
                [nameof(SavedViewForm.IsShared)] = Conflicts.Text(view.IsShared),
            });
    }
}
