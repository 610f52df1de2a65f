using System.Globalization;
using AiDeals.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.History;

/// <summary>Names for the ids a history shows ("SoftBank Group" for OrganizationId 1), deleted records included.</summary>
public sealed class ReferenceNames(IReadOnlyDictionary<(string Field, string Id), string> names)
{
    public static ReferenceNames None { get; } = new(new Dictionary<(string, string), string>());

    /// <summary>The name behind a reference field's value, or null when the field is no reference or the record is gone.</summary>
    public string? NameOf(string field, string? id) =>
        id is not null && names.TryGetValue((field, id), out var name) ? name : null;
}

public sealed partial class HistoryService
{
    private static readonly string[] OrganizationFields = ["OrganizationId", "TargetId"];
    private static readonly string[] DealFields = ["DealId", "ParentId"];
    private static readonly string[] SourceFields = ["SourceId"];

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
