using AiDeals.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Watchlists;

/// <summary>Starts watching a deal or an organization: its changes by others from now on show on "What changed".</summary>
public sealed class WatchRecord(RecordKind kind, int recordId) : CreateCommand<WatchedRecord>
{
    private string _owner = string.Empty;
    private long _since;

    public override void Validate(FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (kind is not (RecordKind.Deal or RecordKind.Organization))
        {
            errors.Add(string.Empty, "Only deals and organizations can be watched.");
        }
    }

    protected override async Task CheckAsync(CommandScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var db = scope.Db;
        var token = scope.CancellationToken;
        _owner = scope.Actor.UserName;
        var exists = kind == RecordKind.Deal
            ? await db.Deals.AnyAsync(d => d.Id == recordId, token)
            : await db.Organizations.AnyAsync(o => o.Id == recordId, token);
        if (!exists)
        {
            scope.Errors.Add(string.Empty, kind == RecordKind.Deal ? "This deal does not exist or was deleted." : "This organization does not exist or was deleted.");
            return;
        }

        var watched = await db.WatchedRecords.Where(w => w.Owner == _owner).Select(w => new { w.Kind, w.RecordId }).ToListAsync(token);
        if (watched.Any(w => w.Kind == kind && w.RecordId == recordId))
        {
            scope.Errors.Add(string.Empty, "You already watch it.");
        }
        else if (watched.Count >= WatchlistLimits.PerOwner)
        {
            scope.Errors.Add(string.Empty, $"You watch {WatchlistLimits.PerOwner} records: stop watching one first.");
        }

        _since = await db.AuditEntries.MaxAsync(a => (long?)a.Id, token) ?? 0;
    }

    protected override WatchedRecord Create() => new() { Owner = _owner, Kind = kind, RecordId = recordId, SinceAuditId = _since };

    // The unique index met a watch that another window saved first: the record is watched, as asked.
    protected internal override Task<CommandResult?> SaveRefusedAsync(AiDealsDbContext fresh, DbUpdateException exception, CancellationToken cancellationToken) =>
        Task.FromResult<CommandResult?>(CommandResult.Invalid(string.Empty, "You already watch it."));
}
