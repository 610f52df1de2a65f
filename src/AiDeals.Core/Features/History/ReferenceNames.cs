using System.Text.Json.Serialization;

namespace AiDeals.Core.Features.History;

/// <summary>The name of one id a history shows: <c>OrganizationId</c> 1 is "SoftBank Group".</summary>
public sealed record ReferenceName(string Field, string Id, string Name);

/// <summary>Names for the ids a history shows ("SoftBank Group" for OrganizationId 1), deleted records included.</summary>
public sealed class ReferenceNames
{
    private readonly Dictionary<(string Field, string Id), string> _names;

    public ReferenceNames(IReadOnlyDictionary<(string Field, string Id), string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        _names = names.ToDictionary();
        Entries = [.. names.Select(n => new ReferenceName(n.Key.Field, n.Key.Id, n.Value))];
    }

    /// <summary>The same names from their entries (as a page carries them from its prerender into its circuit, as JSON).</summary>
    [JsonConstructor]
    public ReferenceNames(IReadOnlyList<ReferenceName> entries)
        : this(entries.ToDictionary(e => (e.Field, e.Id), e => e.Name))
    {
    }

    public static ReferenceNames None { get; } = new(new Dictionary<(string, string), string>());

    /// <summary>Every name, one entry each.</summary>
    public IReadOnlyList<ReferenceName> Entries { get; }

    /// <summary>The name behind a reference field's value, or null when the field is no reference or the record is gone.</summary>
    public string? NameOf(string field, string? id) =>
        id is not null && _names.TryGetValue((field, id), out var name) ? name : null;
}
