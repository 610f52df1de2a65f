using AiDeals.Core.Features.Sources;

namespace AiDeals.Web.Features.Api;

/// <summary><c>/api/v1/sources</c>: the list with its search and the source commands.</summary>
internal static class SourceEndpoints
{
    public static void MapSourceEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/sources", async (HttpRequest request, SourceQueries queries, CancellationToken ct) =>
            {
                var sort = ApiQuery.Enum<SourceSortField>(request, "sort") ?? SourceSortField.PublishedOn;
                var query = new SourceQuery(
                    sort,
                    ApiQuery.Bool(request, "desc") ?? sort is SourceSortField.PublishedOn or SourceSortField.Citations,
                    ApiQuery.Text(request, "q"));
                return TypedResults.Ok(await queries.ListAsync(query, ApiQuery.Page(request), ct));
            })
            .WithName("ListSources").WithSummary("Sources, newest first unless sort (publishedOn, title, publisher, citations) and desc say otherwise; q finds words in the title or publisher; page and size (≤ 500).")
            .AsCachedRead();

        new FormEndpoints<SourceForm>(
            "/sources",
            "Source",
            (services, id, ct) => services.GetRequiredService<SourceQueries>().GetFormAsync(id, ct),
            form => new CreateSource(form),
            form => new UpdateSource(form),
            (form, id, version) => (form.Id, form.Version) = (id, version),
            (id, version) => new DeleteSource(id, version),
            (id, version) => new RestoreSource(id, version)).Map(api);
    }
}
