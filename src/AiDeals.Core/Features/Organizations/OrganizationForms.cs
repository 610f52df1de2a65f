using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AiDeals.Core.Features.Organizations;

/// <summary>An organization as its form: read for the editor and for a conflict, written back by the commands.</summary>
internal static class OrganizationForms
{
    public static OrganizationForm Of(Organization organization) => new()
    {
        Id = organization.Id,
        Version = organization.Version,
        Name = organization.Name,
        Aliases = organization.Aliases.Select(a => a.Name).Order(StringComparer.OrdinalIgnoreCase).ToList(),
        Type = organization.Type,
        Country = organization.Country,
        Website = organization.Website,
        Description = organization.Description,
        FoundedYear = organization.FoundedYear,
    };

    /// <summary>The columns besides the name (which moves the address with it) and the aliases (rows of their own).</summary>
    public static void Apply(OrganizationForm form, Organization organization)
    {
        organization.Type = form.Type;
        organization.Country = FormText.Blank(form.Country)?.ToUpperInvariant();
        organization.Website = FormText.Blank(form.Website);
        organization.Description = FormText.Blank(form.Description);
        organization.FoundedYear = form.FoundedYear;
    }

    /// <summary>
    /// Keeps the alias rows whose normalized name stays (updating their spelling), removes the others and adds the new
    /// ones, so that the unique alias index never sees a row removed and added again in one save.
    /// </summary>
    public static void ReplaceAliases(AiDealsDbContext db, Organization organization, IReadOnlyList<string> aliases)
    {
        var wanted = aliases.ToDictionary(Organization.Normalize, a => a, StringComparer.Ordinal);
        foreach (var alias in organization.Aliases.ToList())
        {
            if (wanted.Remove(Organization.Normalize(alias.Name), out var spelling))
            {
                alias.Name = spelling;
            }
            else
            {
                organization.Aliases.Remove(alias);
                db.OrganizationAliases.Remove(alias);
            }
        }

        organization.Aliases.AddRange(wanted.Values.Select(a => new OrganizationAlias { Name = a }));
    }

    /// <summary>The conflict for the organization as stored now, read afresh (aliases of a deleted one included).</summary>
    public static async Task<ConflictInfo> ConflictAsync(AiDealsDbContext db, int id, CancellationToken cancellationToken)
    {
        var current = await db.Organizations.IgnoreQueryFilters().AsNoTracking()
            .Include(o => o.Aliases)
            .SingleAsync(o => o.Id == id, cancellationToken);
        var form = Of(current);
        var theirs = Conflicts.Values(form);
        return await Conflicts.DescribeAsync(db, nameof(Organization), form, theirs, cancellationToken);
    }

    /// <summary>
    /// A save refused by a unique index: someone saved the same name or alias between the check and the save. Says
    /// whose it is now; null for any other refusal.
    /// </summary>
    public static async Task<CommandResult?> NamesTakenAsync(
        AiDealsDbContext fresh, DbUpdateException exception, int selfId, string name, IReadOnlyCollection<string> aliases, CancellationToken cancellationToken)
    {
        // SQLITE_CONSTRAINT_UNIQUE or _PRIMARYKEY; PostgreSQL's unique_violation.
        if (exception.InnerException is not (SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 }
            or PostgresException { SqlState: PostgresErrorCodes.UniqueViolation }))
        {
            return null;
        }

        var errors = new FieldErrors();
        await OrganizationValidator.CheckNamesAsync(fresh, selfId, name, aliases, errors, cancellationToken);
        return errors.Any
            ? errors.ToResult()
            : CommandResult.Invalid(nameof(OrganizationForm.Name), "Another organization was saved with this name or one of these aliases just now.");
    }
}
