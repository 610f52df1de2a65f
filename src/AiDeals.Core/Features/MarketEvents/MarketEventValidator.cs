using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.MarketEvents;

/// <summary>The rules of a market event, for every way one is written (the editor, the API, import, the deal book).</summary>
public static class MarketEventValidator
{
    /// <summary>The rules that need no database: the form's annotations (a title, a date at its precision) and the bound of the amount.</summary>
    public static void Validate(MarketEventForm form, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(errors);
        errors.AddAnnotations(form);
        if (!errors.Has(nameof(MarketEventForm.Amount)) && AmountRange.ValidateFigure(form.Amount) is { } message)
        {
            errors.Add(nameof(MarketEventForm.Amount), message);
        }
    }

    /// <summary>The organizations must be live records: an event linked to a deleted one would show a hidden name.</summary>
    public static async Task CheckAsync(AiDealsDbContext db, MarketEventForm form, FieldErrors errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(errors);
        var ids = form.OrganizationIds.Distinct().ToList();
        if (await db.Organizations.CountAsync(o => ids.Contains(o.Id), cancellationToken) != ids.Count)
        {
            errors.Add(nameof(MarketEventForm.OrganizationIds), "One of the organizations does not exist or was deleted.");
        }
    }
}
