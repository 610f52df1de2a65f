using AiDeals.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.SavedViews;

/// <summary>Renames one of the actor's own views and sets whether the team sees it; its query stays.</summary>
public sealed class UpdateSavedView(int id, int version, SavedViewForm form) : RowCommand<SavedView>(id, version)
{
    public override void Validate(FieldErrors errors) => SavedViewValidator.Validate(form, errors);

    protected override async Task CheckAsync(CommandScope scope, SavedView row)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(row);
        if (row.Owner != scope.Actor.UserName)
        {
            scope.Errors.Add(string.Empty, "Only the analyst who saved a view can rename it.");
            return;
        }

        await SavedViewValidator.CheckAsync(scope, form, row.Id);
    }

    protected override Task ApplyAsync(CommandScope scope, SavedView row)
    {
        ArgumentNullException.ThrowIfNull(row);
        row.Name = form.Name.Trim();
        row.IsShared = form.IsShared;
        return Task.CompletedTask;
    }

    protected override Task<ConflictInfo> DescribeConflictAsync(AiDealsDbContext db, int id, CancellationToken cancellationToken) =>
        SavedViewConflicts.DescribeAsync(db, id, cancellationToken);

    protected internal override Task<CommandResult?> SaveRefusedAsync(AiDealsDbContext fresh, DbUpdateException exception, CancellationToken cancellationToken) =>
        Task.FromResult<CommandResult?>(SavedViewValidator.NameTaken(form));
}
