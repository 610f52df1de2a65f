using AiDeals.Core.Data;

namespace AiDeals.Core.Features.SavedViews;

/// <summary>Deletes a view: its owner may, and an admin may delete one shared with the team.</summary>
public sealed class DeleteSavedView(int id, int version) : RowCommand<SavedView>(id, version)
{
    protected override Task CheckAsync(CommandScope scope, SavedView row)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(row);
        if (row.Owner != scope.Actor.UserName && !(row.IsShared && scope.Actor.IsAdmin))
        {
            scope.Errors.Add(string.Empty, row.IsShared
                ? "Only the analyst who saved a shared view, or an admin, can delete it."
                : "Only the analyst who saved a view can delete it.");
        }

        return Task.CompletedTask;
    }

    protected override Task ApplyAsync(CommandScope scope, SavedView row)
    {
        ArgumentNullException.ThrowIfNull(scope);
        scope.Db.Remove(row);
        return Task.CompletedTask;
    }

    protected override Task<ConflictInfo> DescribeConflictAsync(AiDealsDbContext db, int id, CancellationToken cancellationToken) =>
        SavedViewConflicts.DescribeAsync(db, id, cancellationToken);
}
