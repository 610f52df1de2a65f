using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.SavedViews;

/// <summary>The rules of a saved view: a name (unique among the owner's views), and a query that is a query string.</summary>
public static class SavedViewValidator
{
    public static void Validate(SavedViewForm form, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(errors);
        errors.AddAnnotations(form);
        var query = form.Query ?? string.Empty;
        if (query.Length > 0 && (query[0] != '?' || query.Contains('#', StringComparison.Ordinal) || query.Any(char.IsWhiteSpace)))
        {
            // The page writes "?key=value&…"; anything else would reopen as another address than the deal list.
            errors.Add(nameof(SavedViewForm.Query), "A view is the deal list's query string, starting with \"?\".");
        }
    }

    /// <summary>The owner's other live views: the name is free (any case), and the owner has room for one more.</summary>
    public static async Task CheckAsync(CommandScope scope, SavedViewForm form, int? viewId)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(form);
        var owner = scope.Actor.UserName;
        var others = await scope.Db.SavedViews.AsNoTracking()
            .Where(v => v.Owner == owner && v.Id != viewId)
            .Select(v => v.Name)
            .ToListAsync(scope.CancellationToken);
        var name = form.Name.Trim();
        if (others.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            scope.Errors.Add(nameof(SavedViewForm.Name), $"You already have a view named \"{name}\".");
        }
        else if (viewId is null && others.Count >= SavedViewLimits.PerOwner)
        {
            scope.Errors.Add(string.Empty, $"You have {SavedViewLimits.PerOwner} views: delete one you no longer use first.");
        }
    }

    /// <summary>The words for a save the unique index refused: another save took the name first.</summary>
    public static CommandResult NameTaken(SavedViewForm form) =>
        CommandResult.Invalid(nameof(SavedViewForm.Name), $"You already have a view named \"{form.Name.Trim()}\".");
}
