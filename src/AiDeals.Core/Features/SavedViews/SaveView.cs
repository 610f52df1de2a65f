using AiDeals.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.SavedViews;

/// <summary>Saves the deal list's current view under a name, for its owner or for the team.</summary>
public sealed class SaveView(SavedViewForm form) : CreateCommand<SavedView>
{
    private string _owner = string.Empty;

    public override void Validate(FieldErrors errors) => SavedViewValidator.Validate(form, errors);

    protected override async Task CheckAsync(CommandScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        _owner = scope.Actor.UserName;
        await SavedViewValidator.CheckAsync(scope, form, viewId: null);
    }

    protected override SavedView Create() => new()
    {
        Owner = _owner,
        Name = form.Name.Trim(),
        Query = form.Query ?? string.Empty,
        IsShared = form.IsShared,
    };

    protected internal override Task<CommandResult?> SaveRefusedAsync(AiDealsDbContext fresh, DbUpdateException exception, CancellationToken cancellationToken) =>
        Task.FromResult<CommandResult?>(SavedViewValidator.NameTaken(form));
}
