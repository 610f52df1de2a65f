using AiDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Deals;

/// <summary>
/// Brings a deleted deal back with the participants, citations and links to wider deals deleted with it (those removed earlier by an edit
/// stay removed). Restoring a live deal changes nothing. It takes no version: whoever deleted the deal, it comes back
/// as it was.
/// </summary>
public sealed class RestoreDeal(int id) : DealCommand(id, version: null)
{
    protected override bool FindsDeleted => true;

    protected override async Task ApplyAsync(CommandScope scope, Deal row)
    {
        if (row.DeletedAt is not { } deletedAt)
        {
            return;
        }

        // Rows deleted with the deal carry the same DeletedAt, written by the same save.
        var participants = await scope.Db.DealParticipants.IgnoreQueryFilters()
            .Where(p => p.DealId == row.Id && p.DeletedAt == deletedAt)
            .ToListAsync(scope.CancellationToken);
        var citations = await scope.Db.Citations.IgnoreQueryFilters()
            .Where(c => c.DealId == row.Id && c.DeletedAt == deletedAt)
            .ToListAsync(scope.CancellationToken);
        var links = await scope.Db.DealLinks.IgnoreQueryFilters()
            .Where(l => l.PartId == row.Id && l.DeletedAt == deletedAt)
            .ToListAsync(scope.CancellationToken);
        row.DeletedAt = null;
        links.ForEach(l => l.DeletedAt = null);
        participants.ForEach(p => p.DeletedAt = null);
        citations.ForEach(c => c.DeletedAt = null);
    }
}
