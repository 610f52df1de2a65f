using System.Globalization;
using System.Text;
using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using AiDeals.Core.Features.Accounts;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Organizations;

/// <summary>An organization to pick in a form: merge, valuation, market event.</summary>
public sealed record OrganizationChoice(int Id, string Name, string Slug);

/// <summary>A deleted organization still holding its address, so its page can offer to restore it.</summary>
public sealed record DeletedOrganization(int Id, string Name, int Version, DateTime DeletedAtUtc);

public sealed partial class OrganizationService
{
    private const int SlugLength = 80;

    /// <summary>The organization's editable values at this address, with its id and version; null when there is none.</summary>
    public async Task<OrganizationForm?> GetFormAsync(string slug, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var organization = await db.Organizations.AsNoTracking()
            .Include(o => o.Aliases)
            .SingleOrDefaultAsync(o => o.Slug == slug, cancellationToken);
        return organization is null ? null : FormOf(organization);
    }

    /// <summary>The organization's editable values by id (its address may have changed with its name); null when there is none.</summary>
    public async Task<OrganizationForm?> GetFormAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var organization = await db.Organizations.AsNoTracking()
            .Include(o => o.Aliases)
            .SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        return organization is null ? null : FormOf(organization);
    }

    /// <summary>The live organization's name and address; null when there is none.</summary>
    public async Task<OrganizationChoice?> GetChoiceAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Organizations.AsNoTracking()
            .Where(o => o.Id == id)
            .Select(o => new OrganizationChoice(o.Id, o.Name, o.Slug))
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The deleted organization at this address; null when it is live or there is none.</summary>
    public async Task<DeletedOrganization?> FindDeletedAsync(string slug, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var deleted = await db.Organizations.IgnoreQueryFilters().AsNoTracking()
            .Where(o => o.Slug == slug && o.DeletedAt != null)
            .Select(o => new { o.Id, o.Name, o.Version, o.DeletedAt })
            .SingleOrDefaultAsync(cancellationToken);
        return deleted is null ? null : new DeletedOrganization(deleted.Id, deleted.Name, deleted.Version, DateTime.SpecifyKind(deleted.DeletedAt!.Value, DateTimeKind.Utc));
    }

    /// <summary>Live organizations whose name or alias contains the text, by name; all of them (up to the limit) when it is empty.</summary>
    public async Task<IReadOnlyList<OrganizationChoice>> ChoicesAsync(string? search, int limit = 20, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Organizations.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = Organization.Normalize(search);
            query = query.Where(o => o.NormalizedName.Contains(term) || o.Aliases.Any(a => a.NormalizedName.Contains(term)));
        }

        return await query
            .OrderBy(o => o.Name)
            .Take(Math.Clamp(limit, 1, 200))
            .Select(o => new OrganizationChoice(o.Id, o.Name, o.Slug))
            .ToListAsync(cancellationToken);
    }

    public async Task<CommandResult> CreateOrganizationAsync(Actor actor, OrganizationForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(form);
        if (!actor.CanEdit)
        {
            return CommandResult.Forbidden;
        }

        var errors = Validate(form);
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var name = form.Name.Trim();
        var aliases = form.CleanAliases();
        errors = await CheckNamesAsync(db, 0, name, aliases, cancellationToken);
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        db.ActFor(actor.UserName, Blank(form.Reason));
        var organization = new Organization { Name = name, Slug = await UniqueSlugAsync(db, name, 0, cancellationToken) };
        Apply(form, organization);
        organization.Aliases.AddRange(aliases.Select(a => new OrganizationAlias { Name = a }));
        db.Organizations.Add(organization);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (IsUniqueViolation(ex))
        {
            // Someone saved the same name between the check and the save: say whose it is now.
            return await InvalidAfterRaceAsync(0, name, aliases, cancellationToken);
        }

        return CommandResult.Saved(organization.Id, organization.Version);
    }

    public async Task<CommandResult> UpdateOrganizationAsync(Actor actor, OrganizationForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(form);
        if (!actor.CanEdit)
        {
            return CommandResult.Forbidden;
        }

        var errors = Validate(form);
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var organization = await db.Organizations.Include(o => o.Aliases).SingleOrDefaultAsync(o => o.Id == form.Id, cancellationToken);
        if (organization is null)
        {
            return CommandResult.NotFound;
        }

        if (organization.Version != form.Version)
        {
            return CommandResult.Conflicted(await ConflictAsync(db, organization.Id, cancellationToken));
        }

        var name = form.Name.Trim();
        var aliases = form.CleanAliases();
        errors = await CheckNamesAsync(db, organization.Id, name, aliases, cancellationToken);
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        db.ActFor(actor.UserName, Blank(form.Reason));
        if (SlugOf(name) != SlugOf(organization.Name))
        {
            organization.Slug = await UniqueSlugAsync(db, name, organization.Id, cancellationToken);
        }

        organization.Name = name;
        Apply(form, organization);
        ReplaceAliases(db, organization, aliases);

        // An alias-only edit changes no column of the organization: raise its version anyway, so that a form opened
        // before it conflicts instead of silently putting the old aliases back.
        db.Entry(organization).Property(o => o.Version).IsModified = true;
        return await SaveAsync(db, organization, cancellationToken);
    }

    /// <summary>
    /// Soft-deletes an organization nothing live refers to. One that still takes part in deals, is a deal's target, or
    /// has valuations or market events is refused: deleting it would leave those pointing at a hidden record; merge it
    /// into the organization it duplicates instead.
    /// </summary>
    public async Task<CommandResult> DeleteOrganizationAsync(Actor actor, int id, int version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.CanEdit)
        {
            return CommandResult.Forbidden;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var organization = await db.Organizations.SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organization is null)
        {
            return CommandResult.NotFound;
        }

        if (organization.Version != version)
        {
            return CommandResult.Conflicted(await ConflictAsync(db, organization.Id, cancellationToken));
        }

        var uses = await UsesAsync(db, id, cancellationToken);
        if (uses.Count > 0)
        {
            return CommandResult.Invalid(
                string.Empty,
                $"{organization.Name} still has {Sentence(uses)}. Move or delete those first, or merge {organization.Name} into the organization it duplicates.");
        }

        db.ActFor(actor.UserName, reason: null);
        db.Organizations.Remove(organization);
        return await SaveAsync(db, organization, cancellationToken);
    }

    /// <summary>Brings a deleted organization back, unless another organization has taken its name or one of its aliases meanwhile.</summary>
    public async Task<CommandResult> RestoreOrganizationAsync(Actor actor, int id, int version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.CanEdit)
        {
            return CommandResult.Forbidden;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var organization = await db.Organizations.IgnoreQueryFilters().SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organization is null)
        {
            return CommandResult.NotFound;
        }

        if (organization.Version != version)
        {
            return CommandResult.Conflicted(await ConflictAsync(db, organization.Id, cancellationToken));
        }

        if (organization.DeletedAt is null)
        {
            return CommandResult.Saved(organization.Id, organization.Version);
        }

        var aliases = await db.OrganizationAliases.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.OrganizationId == id)
            .Select(a => a.Name)
            .ToListAsync(cancellationToken);
        var errors = await CheckNamesAsync(db, id, organization.Name, aliases, cancellationToken);
        if (errors.Count > 0)
        {
            var messages = errors.Values.SelectMany(m => m).Prepend($"{organization.Name} cannot be restored:");
            return CommandResult.Invalid(string.Empty, string.Join(' ', messages));
        }

        db.ActFor(actor.UserName, reason: null);
        organization.DeletedAt = null;
        return await SaveAsync(db, organization, cancellationToken);
    }

    private static OrganizationForm FormOf(Organization organization) => new()
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

    private static Dictionary<string, string[]> Validate(OrganizationForm form)
    {
        var errors = FormValidation.Validate(form);
        if (errors.Count == 0 && form.CleanAliases().FirstOrDefault(a => Organization.Normalize(a) == Organization.Normalize(form.Name)) is { } repeat)
        {
            errors[nameof(OrganizationForm.Aliases)] = [$"The alias “{repeat}” repeats the name."];
        }

        return errors;
    }

    private static void Apply(OrganizationForm form, Organization organization)
    {
        organization.Type = form.Type;
        organization.Country = Blank(form.Country)?.ToUpperInvariant();
        organization.Website = Blank(form.Website);
        organization.Description = Blank(form.Description);
        organization.FoundedYear = form.FoundedYear;
    }

    /// <summary>
    /// Keeps the alias rows whose normalized name stays (updating their spelling), removes the others and adds the new
    /// ones, so that the unique alias index never sees a row removed and added again in one save.
    /// </summary>
    private static void ReplaceAliases(AiDealsDbContext db, Organization organization, IReadOnlyList<string> aliases)
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

    /// <summary>
    /// The names-and-aliases rule: no two live organizations share a name or an alias, case-insensitively, whichever
    /// is a name and whichever an alias. A deleted organization's name and aliases stay reserved too (the unique
    /// indexes know nothing of soft deletes, and it can be restored), so those are named with the advice to restore it.
    /// </summary>
    private static async Task<Dictionary<string, string[]>> CheckNamesAsync(
        AiDealsDbContext db, int selfId, string name, IReadOnlyCollection<string> aliases, CancellationToken cancellationToken)
    {
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

        var errors = new Dictionary<string, string[]>();
        var nameErrors = new List<string>();
        if (liveNames.FirstOrDefault(o => o.Key == nameKey) is { } sameName)
        {
            nameErrors.Add($"“{name}” is already the name of {sameName.Owner}.");
        }
        else if (liveAliases.FirstOrDefault(a => a.Key == nameKey) is { } aliasOfOther)
        {
            nameErrors.Add($"“{name}” is already an alias of {aliasOfOther.Owner}.");
        }
        else if (deletedName is not null)
        {
            nameErrors.Add($"“{name}” is the name of the deleted organization {deletedName}: restore it from its history instead.");
        }

        var aliasErrors = new List<string>();
        foreach (var alias in aliases)
        {
            var key = Organization.Normalize(alias);
            if (liveNames.FirstOrDefault(o => o.Key == key) is { } named)
            {
                aliasErrors.Add($"The alias “{alias}” is already the name of {named.Owner}.");
            }
            else if (liveAliases.FirstOrDefault(a => a.Key == key) is { } other)
            {
                aliasErrors.Add($"The alias “{alias}” is already an alias of {other.Owner}.");
            }
            else if (deletedAliases.FirstOrDefault(a => a.Key == key) is { } deleted)
            {
                aliasErrors.Add($"The alias “{alias}” belongs to the deleted organization {deleted.Owner}.");
            }
        }

        if (nameErrors.Count > 0)
        {
            errors[nameof(OrganizationForm.Name)] = [.. nameErrors];
        }

        if (aliasErrors.Count > 0)
        {
            errors[nameof(OrganizationForm.Aliases)] = [.. aliasErrors];
        }

        return errors;
    }

    private async Task<CommandResult> InvalidAfterRaceAsync(int selfId, string name, IReadOnlyCollection<string> aliases, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var errors = await CheckNamesAsync(db, selfId, name, aliases, cancellationToken);
        return CommandResult.Invalid(errors.Count > 0 ? errors : new Dictionary<string, string[]>
        {
            [nameof(OrganizationForm.Name)] = ["Another organization was saved with this name or one of these aliases just now."],
        });
    }

    private async Task<CommandResult> SaveAsync(AiDealsDbContext db, Organization organization, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.Saved(organization.Id, organization.Version);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await contextFactory.CreateDbContextAsync(cancellationToken);
            var exists = await fresh.Organizations.IgnoreQueryFilters().AnyAsync(o => o.Id == organization.Id, cancellationToken);
            return exists ? CommandResult.Conflicted(await ConflictAsync(fresh, organization.Id, cancellationToken)) : CommandResult.NotFound;
        }
        catch (DbUpdateException ex) when (IsUniqueViolation(ex))
        {
            var aliases = organization.Aliases.Select(a => a.Name).ToList();
            return await InvalidAfterRaceAsync(organization.Id, organization.Name, aliases, cancellationToken);
        }
    }

    /// <summary>The conflict for the organization as stored now, read afresh (aliases of a deleted one included).</summary>
    private static async Task<ConflictInfo> ConflictAsync(AiDealsDbContext db, int id, CancellationToken cancellationToken)
    {
        var current = await db.Organizations.IgnoreQueryFilters().AsNoTracking()
            .Include(o => o.Aliases)
            .SingleAsync(o => o.Id == id, cancellationToken);
        var theirs = Conflicts.Values(FormOf(current));
        return await Conflicts.DescribeAsync(db, nameof(Organization), id, current.Version, theirs, cancellationToken);
    }

    /// <summary>What still refers to the organization: "2 deals as investor, 1 valuation".</summary>
    private static async Task<List<string>> UsesAsync(AiDealsDbContext db, int id, CancellationToken cancellationToken)
    {
        var uses = new List<string>();
        void Add(int count, string one, string many)
        {
            if (count > 0)
            {
                uses.Add(count == 1 ? "1 " + one : count.ToString(CultureInfo.InvariantCulture) + " " + many);
            }
        }

        Add(await db.DealParticipants.CountAsync(p => p.OrganizationId == id && p.Deal!.DeletedAt == null, cancellationToken), "deal as investor", "deals as investor");
        Add(await db.Deals.CountAsync(d => d.TargetId == id, cancellationToken), "deal as target", "deals as target");
        Add(await db.Valuations.CountAsync(v => v.OrganizationId == id, cancellationToken), "valuation", "valuations");
        Add(await db.MarketEventOrganizations.CountAsync(e => e.OrganizationId == id, cancellationToken), "market event", "market events");
        return uses;
    }

    private static string Sentence(List<string> parts) =>
        parts.Count == 1 ? parts[0] : string.Join(", ", parts[..^1]) + " and " + parts[^1];

    /// <summary>
    /// The address form of a name: lower-case ASCII letters and digits joined by hyphens, accents dropped
    /// ("Société Générale" → "societe-generale"); "organization" when nothing of the name is left.
    /// </summary>
    public static string SlugOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var slug = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var text = slug.ToString().Trim('-');
        text = text.Length > SlugLength ? text[..SlugLength].TrimEnd('-') : text;
        return text.Length == 0 ? "organization" : text;
    }

    /// <summary>The name's slug, or with "-2", "-3"… when another organization (deleted ones too: they keep their address) has it.</summary>
    private static async Task<string> UniqueSlugAsync(AiDealsDbContext db, string name, int selfId, CancellationToken cancellationToken)
    {
        var slug = SlugOf(name);
        var taken = (await db.Organizations.IgnoreQueryFilters().AsNoTracking()
                .Where(o => o.Id != selfId && (o.Slug == slug || o.Slug.StartsWith(slug + "-")))
                .Select(o => o.Slug)
                .ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        if (!taken.Contains(slug))
        {
            return slug;
        }

        var number = 2;
        while (taken.Contains(string.Create(CultureInfo.InvariantCulture, $"{slug}-{number}")))
        {
            number++;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{slug}-{number}");
    }

    private static bool IsUniqueViolation(DbUpdateException ex) =>
        ex.InnerException is SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
