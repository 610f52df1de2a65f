using AiDeals.Core.Features.Accounts;
using AiDeals.Core.Features.History;

namespace AiDeals.Web.Features.Api;

/// <summary><c>/api/v1/history</c>: every change, newest first, for analysts and admins as the history page is; account changes for admins.</summary>
internal static class HistoryEndpoints
{
    public static void MapHistoryEndpoints(this RouteGroupBuilder api) =>
        api.MapGet("/history", async (HttpContext http, HistorySearch history, CancellationToken ct) =>
            {
                var request = http.Request;
                var filter = new HistoryFilter(
                    ApiQuery.Text(request, "user"),
                    ApiQuery.Text(request, "type"),
                    ApiQuery.Int(request, "id"),
                    ApiQuery.Date(request, "from"),
                    ApiQuery.Date(request, "to"),
                    IncludeAccounts: Actor.FromPrincipal(http.User).IsAdmin);
                return TypedResults.Ok(await history.SearchAsync(filter, ApiQuery.Page(request), ct));
            })
            .WithName("ListHistory").WithSummary("Changes newest first, filtered by user, type (and id), from and to (UTC days); page and size (≤ 500). Analysts and admins.")
            .RequireAuthorization(ApiPolicies.ReadHistory)
            .ProducesProblem(StatusCodes.Status403Forbidden);
}
