using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Organizations;

/// <summary>The rules of an organization, for every way one is written (the editor, the API, import, the deal book).</summary>
public static class OrganizationValidator
{
    /// <summary>
    /// The rules that need no database: the form's annotations (name, country, website, founded year) and, once
    /// they hold, no alias that repeats the name.
    /// </summary>
    public static void Validate(OrganizationForm form, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(errors);
        errors.AddAnnotations(form);
        if (!errors.Any && form.CleanAliases().FirstOrDefault(a => Organization.Normalize(a) == Organization.Normalize(form.Name)) is { } repeat)
        {
            errors.Add(nameof(OrganizationForm.Aliases), $"The alias “{repeat}” repeats the name.");
        }
    }

    /// <summary>The rules that read the database: the form's name and aliases are nobody else's.</summary>
    public static Task CheckAsync(AiDealsDbContext db, OrganizationForm form, FieldErrors errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        return CheckNamesAsync(db, form.Id, form.Name.Trim(), form.CleanAliases(), errors, cancellationToken);
    }

    /// <summary>
    /// The names-and-aliases rule: no two live organizations share a name or an alias, case-insensitively, whichever
    /// is a name and whichever an alias. A deleted organization's name and aliases stay reserved too (the unique
    /// indexes know nothing of soft deletes, and it can be restored), so those are named with the advice to restore it.
    /// Organization <paramref name="selfId"/> (0 for a new one) does not clash with itself.
    /// </summary>
    public static async Task CheckNamesAsync(
        AiDealsDbContext db, int selfId, string name, IReadOnlyCollection<string> aliases, FieldErrors errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(aliases);
        ArgumentNullException.ThrowIfNull(errors);
        var nameKey = Organization.Normalize(name);
        var aliasKeys = aliases.Select(Organization.Normalize).ToList();
        var keys = aliasKeys.Append(nameKey).Distinct().ToList();

        var liveNames = await db.Organizations.AsNoTracking()
            .Where(o => o.Id != selfId && keys.Contains(o.NormalizedName))
            .Select(o => new { Key = o.NormalizedName, Owner = o.Name })
            .ToListAsync(cancellationToken);
        var liveAliases = await db.OrganizationAliases.AsNoTracking()
            .Where(a => a.OrganizationId != selfId && keys.Contains(a.NormalizedName))
            .Select(a => new { Key = a.NormalizedName, Owner = a.Organization!.Name })
            .ToListAsync(cancellationToken);
        var deletedName = await db.Organizations.IgnoreQueryFilters().AsNoTracking()
            .Where(o => o.Id != selfId && o.DeletedAt != null && o.NormalizedName == nameKey)
            .Select(o => o.Name)
            .FirstOrDefaultAsync(cancellationToken);
        var deletedAliases = await db.OrganizationAliases.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.OrganizationId != selfId && a.Organization!.DeletedAt != null && aliasKeys.Contains(a.NormalizedName))
            .Select(a => new { Key = a.NormalizedName, Owner = a.Organization!.Name })
            .ToListAsync(cancellationToken);

        if (liveNames.FirstOrDefault(o => o.Key == nameKey) is { } sameName)
        {
            errors.Add(nameof(OrganizationForm.Name), $"“{name}” is already the name of {sameName.Owner}.");
        }
        else if (liveAliases.FirstOrDefault(a => a.Key == nameKey) is { } aliasOfOther)
        {
            errors.Add(nameof(OrganizationForm.Name), $"“{name}” is already an alias of {aliasOfOther.Owner}.");
        }
        else if (deletedName is not null)
        {
            errors.Add(nameof(OrganizationForm.Name), $"“{name}” is the name of the deleted organization {deletedName}: restore it from its history instead.");
        }

        foreach (var alias in aliases)
        {
            var key = Organization.Normalize(alias);
            if (liveNames.FirstOrDefault(o => o.Key == key) is { } named)
            {
                errors.Add(nameof(OrganizationForm.Aliases), $"The alias “{alias}” is already the name of {named.Owner}.");
            }
            else if (liveAliases.FirstOrDefault(a => a.Key == key) is { } other)
            {
                errors.Add(nameof(OrganizationForm.Aliases), $"The alias “{alias}” is already an alias of {other.Owner}.");
            }
            else if (deletedAliases.FirstOrDefault(a => a.Key == key) is { } deleted)
            {
                errors.Add(nameof(OrganizationForm.Aliases), $"The alias “{alias}” belongs to the deleted organization {deleted.Owner}.");
            }
        }
    }
}
