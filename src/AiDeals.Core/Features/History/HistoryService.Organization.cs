using System.Globalization;
using AiDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.History;

public sealed partial class HistoryService
{
    /// <summary>
    /// An organization's changes and its aliases', newest first: the aliases it has now, and those it had (an alias is
    /// removed for good, so a removed one is found by the organization its changes name).
    /// </summary>
    public async Task<IReadOnlyList<ChangeRecord>> ListForOrganizationAsync(int organizationId, CancellationToken cancellationToken = default)
    {
        var key = organizationId.ToString(CultureInfo.InvariantCulture);
        List<int> aliasIds;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            aliasIds = await db.OrganizationAliases.IgnoreQueryFilters().AsNoTracking()
                .Where(a => a.OrganizationId == organizationId)
                .Select(a => a.Id)
                .ToListAsync(cancellationToken);

            // The id's digits narrow the read in SQL; the field itself decides.
            var named = await db.AuditEntries.AsNoTracking()
                .Where(a => a.EntityType == nameof(OrganizationAlias) && a.Changes.Contains(key))
                .ToListAsync(cancellationToken);
            aliasIds.AddRange(named.Select(ToRecord)
                .Where(c => c.Fields.Any(f => f.Field == nameof(OrganizationAlias.OrganizationId) && (f.Old == key || f.New == key)))
                .Select(c => ParseId(c.EntityId))
                .OfType<int>());
        }

        return await ListForAsync(
            [(nameof(Organization), organizationId), .. aliasIds.Distinct().Select(id => (nameof(OrganizationAlias), id))],
            cancellationToken);
    }
}
