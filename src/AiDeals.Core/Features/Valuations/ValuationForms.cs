using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Valuations;

/// <summary>A valuation as its form: read for the editor and for a conflict, written back by the commands.</summary>
internal static class ValuationForms
{
    public static ValuationForm Of(Valuation valuation) => new()
    {
        Id = valuation.Id,
        Version = valuation.Version,
        OrganizationId = valuation.OrganizationId,
        AsOf = PartialDate.Create(valuation.AsOf, valuation.AsOfPrecision).ToIsoString(),
        Amount = valuation.Amount,
        Kind = valuation.Kind,
        DealId = valuation.DealId,
    };

    public static void Apply(ValuationForm form, Valuation valuation)
    {
        valuation.OrganizationId = form.OrganizationId;
        valuation.AsOfDate = PartialDate.Parse(form.AsOf);
        valuation.Amount = form.Amount!.Value;
        valuation.Kind = form.Kind;
        valuation.DealId = form.DealId;
    }

    /// <summary>The conflict for the valuation as stored now; the organization and the deal by name, as people compare them.</summary>
    public static async Task<ConflictInfo> ConflictAsync(AiDealsDbContext db, int id, CancellationToken cancellationToken)
    {
        var current = await db.Valuations.IgnoreQueryFilters().AsNoTracking()
            .Include(v => v.Organization)
            .Include(v => v.Deal)
            .SingleAsync(v => v.Id == id, cancellationToken);
        var form = Of(current);
        var theirs = Conflicts.Values(form);
        theirs[nameof(ValuationForm.OrganizationId)] = current.Organization?.Name;
        theirs[nameof(ValuationForm.DealId)] = current.Deal?.Title;
        return await Conflicts.DescribeAsync(db, nameof(Valuation), form, theirs, cancellationToken);
    }
}
