using System.ComponentModel.DataAnnotations;
using AiDeals.Core.Domain;

namespace AiDeals.Core.Features.Organizations;

/// <summary>What an analyst enters to create or edit an organization; <see cref="Id"/> is 0 for a new one.</summary>
public sealed class OrganizationForm : IEditForm
{
    public int Id { get; set; }

    /// <summary>The version the form was loaded at; a save against a newer one is a conflict.</summary>
    public int Version { get; set; }

    [Required(ErrorMessage = "Give the organization a name.")]
    [PlainText]
    [TextLimit(OrganizationLimits.Name)]
    public string Name { get; set; } = string.Empty;

    /// <summary>Other names it goes by ("SoftBank", "SBG"); each is unique across all organizations, like names.</summary>
    [AliasList]
    [PlainText]
    public List<string> Aliases { get; set; } = [];

    public OrganizationType Type { get; set; } = OrganizationType.Company;

    [CountryCode]
    public string? Country { get; set; }

    [HttpUrl]
    [PlainText]
    [TextLimit(OrganizationLimits.Website)]
    public string? Website { get; set; }

    [PlainText]
    [TextLimit(OrganizationLimits.Description)]
    public string? Description { get; set; }

    [PastYear]
    public int? FoundedYear { get; set; }

    /// <summary>Why the change is made, written into the audit log (e.g. when saving over someone else's change).</summary>
    [PlainText]
    [TextLimit(AuditLimits.Reason)]
    public string? Reason { get; set; }

    /// <summary>The aliases as they will be stored: trimmed, blanks and case-insensitive repeats left out.</summary>
    public IReadOnlyList<string> CleanAliases() =>
        Aliases
            .Where(a => !string.IsNullOrWhiteSpace(a))
            .Select(a => a.Trim())
            .DistinctBy(Organization.Normalize)
            .ToList();
}

/// <summary>Every alias fits the name column; blank entries are ignored, not errors.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class AliasListAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) => TooLong(value) is null;

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        ArgumentNullException.ThrowIfNull(validationContext);
        return TooLong(value) is not { } alias
            ? ValidationResult.Success
            : new ValidationResult(
                "An alias: " + TextLimitAttribute.Message(OrganizationLimits.Name, alias.Length),
                validationContext.MemberName is { } member ? [member] : null);
    }

    private static string? TooLong(object? value) =>
        value is IEnumerable<string> aliases ? aliases.Select(a => a?.Trim()).FirstOrDefault(a => a?.Length > OrganizationLimits.Name) : null;
}
