using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Valuations;

/// <summary>The rules of a valuation, for every way one is written (the editor, the API, import, the deal book).</summary>
public static class ValuationValidator
{
    /// <summary>The rules that need no database: the form's annotations and the bound of a figure.</summary>
    public static void Validate(ValuationForm form, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(errors);
        errors.AddAnnotations(form);
        if (!errors.Has(nameof(ValuationForm.Amount)) && AmountRange.ValidateFigure(form.Amount) is { } message)
        {
            errors.Add(nameof(ValuationForm.Amount), message);
        }
    }

    /// <summary>The organization and the deal must be live records: a valuation of a deleted one would be hidden with it.</summary>
    public static async Task CheckAsync(AiDealsDbContext db, ValuationForm form, FieldErrors errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(errors);
        if (!await db.Organizations.AnyAsync(o => o.Id == form.OrganizationId, cancellationToken))
        {
            errors.Add(nameof(ValuationForm.OrganizationId), "That organization does not exist or was deleted.");
        }

        if (form.DealId is { } dealId && !await db.Deals.AnyAsync(d => d.Id == dealId, cancellationToken))
        {
            errors.Add(nameof(ValuationForm.DealId), "That deal does not exist or was deleted.");
        }
    }
}
