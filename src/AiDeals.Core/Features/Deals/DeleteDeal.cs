using AiDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Deals;

/// <summary>
/// Deletes the deal with its participants, citations and links to wider deals (softly: all can be restored together). A
/// wider deal with live parts is refused, as deleting it would silently change what the totals count.
/// </summary>
public sealed class DeleteDeal(int id, int version) : DealCommand(id, version)
{
    protected override IQueryable<Deal> Load(IQueryable<Deal> rows) => WithRows(rows);

    protected override async Task CheckAsync(CommandScope scope, Deal row)
    {
        var parts = await scope.Db.DealLinks.CountAsync(l => l.WiderId == row.Id && l.Part!.DeletedAt == null, scope.CancellationToken);
        if (parts > 0)
        {
            scope.Errors.Add(
                string.Empty,
                $"{(parts == 1 ? "One deal is" : $"{parts} deals are")} part of this deal: take them out of it or delete them first.");
        }
    }

    protected override Task ApplyAsync(CommandScope scope, Deal row)
    {
        scope.Db.DealParticipants.RemoveRange(row.Participants);
        scope.Db.Citations.RemoveRange(row.Citations);
        scope.Db.DealLinks.RemoveRange(row.PartOf);
        scope.Db.Deals.Remove(row);
        return Task.CompletedTask;
    }
}
