using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Watchlists;

/// <summary>
/// Marks every change up to <paramref name="throughAuditId"/> as seen: the newest entry the page had read, so that a
/// change saved while the analyst was reading stays new. The marker only moves forward.
/// </summary>
public sealed class MarkChangesSeen(long throughAuditId) : WatchlistCommand
{
    public override void Validate(FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (throughAuditId < 0)
        {
            errors.Add(string.Empty, "There is no such change.");
        }
    }

    protected override async Task ApplyAsync(CommandScope scope, Watchlist row)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(row);
        var newest = await scope.Db.AuditEntries.MaxAsync(a => (long?)a.Id, scope.CancellationToken) ?? 0;
        row.SeenThroughAuditId = Math.Max(row.SeenThroughAuditId, Math.Min(throughAuditId, newest));
    }
}
