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
