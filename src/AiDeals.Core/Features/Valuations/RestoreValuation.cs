using AiDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Valuations;

/// <summary>Brings a deleted valuation back, once its organization is live again; a live one stays as it is.</summary>
public sealed class RestoreValuation(int id, int version) : ValuationCommand(id, version)
{
    protected override bool FindsDeleted => true;

    protected override async Task CheckAsync(CommandScope scope, Valuation row)
    {
        if (row.DeletedAt is null)
        {
            return;
        }

        var organization = await scope.Db.Organizations.IgnoreQueryFilters().AsNoTracking()
            .Where(o => o.Id == row.OrganizationId)
            .Select(o => new { o.Name, o.DeletedAt })
            .SingleAsync(scope.CancellationToken);
        if (organization.DeletedAt is not null)
        {
            scope.Errors.Add(string.Empty, $"The valuation belongs to {organization.Name}, which is deleted: restore {organization.Name} first.");
        }
    }

    protected override Task ApplyAsync(CommandScope scope, Valuation row)
    {
        row.DeletedAt = null;
        return Task.CompletedTask;
    }
}
