using AiDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Deals;

/// <summary>
/// Deletes the deal with its participants and citations (softly: all three can be restored together). An umbrella
/// with live parts is refused, as deleting it would silently change what the totals count.
/// </summary>
public sealed class DeleteDeal(int id, int version) : DealCommand(id, version)
{
    protected override IQueryable<Deal> Load(IQueryable<Deal> rows) => WithRows(rows);

    protected override async Task CheckAsync(CommandScope scope, Deal row)
    {
        var parts = await scope.Db.Deals.CountAsync(d => d.ParentId == row.Id, scope.CancellationToken);
        if (parts > 0)
        {
            scope.Errors.Add(
                string.Empty,
                $"This is the umbrella of {(parts == 1 ? "one deal" : $"{parts} deals")}: move them out of it or delete them first.");
        }
    }

    protected override Task ApplyAsync(CommandScope scope, Deal row)
    {
        scope.Db.DealParticipants.RemoveRange(row.Participants);
        scope.Db.Citations.RemoveRange(row.Citations);
        scope.Db.Deals.Remove(row);
        return Task.CompletedTask;
    }
}
