using System.Globalization;
using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.History;

/// <summary>Reads the audit log: a record's history, the latest changes everywhere, and the names of the records a change refers to.</summary>
public sealed class HistoryQueries(IDbContextFactory<AiDealsDbContext> contextFactory)
{
    private static readonly string[] OrganizationFields = ["OrganizationId", "TargetId"];
    private static readonly string[] DealFields = ["DealId", "PartId", "WiderId"];
    private static readonly string[] SourceFields = ["SourceId"];

    /// <summary>The changes of the given records, newest first.</summary>
    public async Task<IReadOnlyList<ChangeRecord>> ListForAsync(
        IReadOnlyCollection<(string EntityType, int Id)> records, CancellationToken cancellationToken = default)
    {
        if (records.Count == 0)
        {
            return [];
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var entries = new List<AuditEntry>();
        foreach (var group in records.GroupBy(r => r.EntityType))
        {
            var ids = group.Select(r => r.Id.ToString(CultureInfo.InvariantCulture)).ToList();
            entries.AddRange(await db.AuditEntries.AsNoTracking()
                .Where(a => a.EntityType == group.Key && ids.Contains(a.EntityId))
                .ToListAsync(cancellationToken));
        }

        return entries.OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id).Select(ChangeRecords.Of).ToList();
    }

    /// <summary>The latest changes to any record, newest first. Account and personal changes are left out: readers see this feed.</summary>
    public async Task<IReadOnlyList<ChangeRecord>> RecentAsync(int count, CancellationToken cancellationToken = default)
    {
        var personal = PersonalRecords.EntityTypes;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType != Accounts.AccountService.AuditEntityType && !personal.Contains(a.EntityType))
            .OrderByDescending(a => a.Id)
            .Take(Math.Clamp(count, 1, 200))
            .ToListAsync(cancellationToken);
        return entries.Select(ChangeRecords.Of).ToList();
    }

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
            aliasIds.AddRange(named.Select(ChangeRecords.Of)
                .Where(c => c.Fields.Any(f => f.Field == nameof(OrganizationAlias.OrganizationId) && (f.Old == key || f.New == key)))
                .Select(c => ChangeRecords.IdOf(c.EntityId))
                .OfType<int>());
        }

        return await ListForAsync(
            [(nameof(Organization), organizationId), .. aliasIds.Distinct().Select(id => (nameof(OrganizationAlias), id))],
            cancellationToken);
    }

    /// <summary>Looks up the organizations, deals and sources that these changes refer to by id, in three queries.</summary>
    public async Task<ReferenceNames> NameReferencesAsync(IEnumerable<ChangeRecord> changes, CancellationToken cancellationToken = default)
    {
        var values = changes
            .SelectMany(c => c.Fields)
            .SelectMany(f => new[] { (f.Field, f.Old), (f.Field, f.New) })
            .Where(v => v.Item2 is not null)
            .Select(v => (Field: v.Item1, Id: v.Item2!))
            .Distinct()
            .ToList();
        if (values.Count == 0)
        {
            return ReferenceNames.None;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var organizations = Ids(values, OrganizationFields);
        var deals = Ids(values, DealFields);
        var sources = Ids(values, SourceFields);
        var organizationNames = organizations.Count == 0 ? [] : await db.Organizations.IgnoreQueryFilters().AsNoTracking()
            .Where(o => organizations.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var dealTitles = deals.Count == 0 ? [] : await db.Deals.IgnoreQueryFilters().AsNoTracking()
            .Where(d => deals.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Title, cancellationToken);
        var sourceTitles = sources.Count == 0 ? [] : await db.Sources.IgnoreQueryFilters().AsNoTracking()
            .Where(s => sources.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Title, cancellationToken);

        var names = new Dictionary<(string, string), string>();
        foreach (var (field, id) in values)
        {
            if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var key))
            {
                continue;
            }

            var lookup = OrganizationFields.Contains(field) ? organizationNames
                : DealFields.Contains(field) ? dealTitles
                : SourceFields.Contains(field) ? sourceTitles
                : null;
            if (lookup is not null && lookup.TryGetValue(key, out var name))
            {
                names[(field, id)] = name;
            }
        }

        return new ReferenceNames(names);
    }

    private static List<int> Ids(List<(string Field, string Id)> values, string[] fields) =>
        values
            .Where(v => fields.Contains(v.Field))
            .Select(v => int.TryParse(v.Id, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0)
            .Where(id => id > 0)
            .Distinct()
            .ToList();
}
