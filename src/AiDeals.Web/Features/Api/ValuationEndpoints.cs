using AiDeals.Core.Features.Valuations;

namespace AiDeals.Web.Features.Api;

/// <summary><c>/api/v1/valuations</c>: the list, sorted as the page sorts it, and the valuation commands.</summary>
internal static class ValuationEndpoints
{
    public static void MapValuationEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/valuations", async (HttpRequest request, ValuationQueries queries, CancellationToken ct) =>
            {
                var sort = ApiQuery.Enum<ValuationSortField>(request, "sort") ?? ValuationSortField.AsOf;
                var query = new ValuationQuery(sort, ApiQuery.Bool(request, "desc") ?? sort is ValuationSortField.AsOf or ValuationSortField.Amount);
                return TypedResults.Ok(await queries.ListAsync(query, ApiQuery.Page(request), ct));
            })
            .WithName("ListValuations").WithSummary("Valuations, newest first unless sort (asOf, organization, amount, kind) and desc say otherwise; page and size (≤ 500).")
            .AsCachedRead();

        new FormEndpoints<ValuationForm>(
            "/valuations",
            "Valuation",
            (services, id, ct) => services.GetRequiredService<ValuationQueries>().GetFormAsync(id, ct),
            form => new CreateValuation(form),
            form => new UpdateValuation(form),
            (form, id, version) => (form.Id, form.Version) = (id, version),
            (id, version) => new DeleteValuation(id, version),
            (id, version) => new RestoreValuation(id, version)).Map(api);
    }
}
