using AiDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Organizations;

/// <summary>
/// Brings a deleted organization back, unless another organization has taken its name or one of its aliases
/// meanwhile; a live one stays as it is.
/// </summary>
public sealed class RestoreOrganization(int id, int version) : OrganizationCommand(id, version)
{
    protected override bool FindsDeleted => true;

    protected override async Task CheckAsync(CommandScope scope, Organization row)
    {
        if (row.DeletedAt is null)
        {
            return;
        }

        var aliases = await scope.Db.OrganizationAliases.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.OrganizationId == row.Id)
            .Select(a => a.Name)
            .ToListAsync(scope.CancellationToken);
        var clashes = new FieldErrors();
        await OrganizationValidator.CheckNamesAsync(scope.Db, row.Id, row.Name, aliases, clashes, scope.CancellationToken);
        if (clashes.Any)
        {
            // The form's fields are not on screen when restoring: one message says it all.
            var messages = clashes.ToDictionary().Values.SelectMany(m => m).Prepend($"{row.Name} cannot be restored:");
            scope.Errors.Add(string.Empty, string.Join(' ', messages));
        }
    }

    protected override Task ApplyAsync(CommandScope scope, Organization row)
    {
        row.DeletedAt = null;
        return Task.CompletedTask;
    }
}
