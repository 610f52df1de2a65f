using AiDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Deals;

/// <summary>
/// Makes a stored deal part of exactly <see cref="WiderIds"/>, leaving its other fields and rows alone: an import links
/// its deals once they all exist, so that they are created in the file's order whichever way the file's links point.
/// The rules are the editor's (<see cref="DealValidator.ValidateLinks"/>, <see cref="DealLinkRules"/>: live, no cycle).
/// </summary>
public sealed class SetWiderDeals(int id, int? version, IReadOnlyList<int> widerIds) : DealCommand(id, version)
{
    public IReadOnlyList<int> WiderIds { get; } = widerIds ?? throw new ArgumentNullException(nameof(widerIds));

    public override void Validate(FieldErrors errors) => DealValidator.ValidateLinks([.. WiderIds], Id, errors);

    protected override IQueryable<Deal> Load(IQueryable<Deal> rows) => rows.Include(d => d.PartOf);

    protected override async Task CheckAsync(CommandScope scope, Deal row)
    {
        if (WiderIds.Count > 0)
        {
            await DealLinkRules.CheckAsync(scope, WiderIds, row.Id);
        }
    }

    protected override Task ApplyAsync(CommandScope scope, Deal row)
    {
        var before = row.PartOf.Select(l => l.WiderId).ToHashSet();
        DealForms.MergeLinks(scope.Db, row, WiderIds);
        if (!before.SetEquals(WiderIds))
        {
            // The deal's version stands for its links too, as in UpdateDeal.
            scope.Db.Entry(row).Property(d => d.Version).IsModified = true;
        }

        return Task.CompletedTask;
    }
}
