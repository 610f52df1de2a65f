using System.Globalization;
using System.Text;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Deals;
using AiDeals.Web.Features.Deals;
using Microsoft.AspNetCore.WebUtilities;

namespace AiDeals.Web.Features.Api;

/// <summary>
/// <c>GET /api/v1/deals</c>: the deal list with the filters and query names of <c>/deals</c>, read by <see cref="DealQuery"/>.
/// With <c>cursor</c> or <c>limit</c> it scans by keyset in id order (<see cref="DealScanQueries"/>): each answer's
/// <c>next</c> is the next call's <c>cursor</c>, and a script reads every deal once while others write. Without them it
/// answers one page (<c>page</c>, <c>size</c>) in the list's sort, with the total.
/// </summary>
internal static class DealListEndpoint
{
    private const string CursorPrefix = "id:";

    public static void MapDealList(this RouteGroupBuilder api, string path) =>
        api.MapGet(path, async (HttpRequest request, DealQueries deals, DealScanQueries scans, CancellationToken ct) =>
            {
                var query = DealQuery.FromQuery(request.Query);
                if (!request.Query.ContainsKey("cursor") && !request.Query.ContainsKey("limit"))
                {
                    return Results.Ok(await deals.SearchAsync(query.ToFilter(), ApiQuery.Page(request), ct));
                }

                var cursor = request.Query["cursor"].FirstOrDefault();
                if (!TryReadCursor(cursor, out var afterId))
                {
                    return TypedResults.ValidationProblem(
                        new Dictionary<string, string[]> { ["cursor"] = ["Pass the next cursor of the previous answer, or leave it out to start."] });
                }

                var limit = ApiQuery.Int(request, "limit") is { } l && l >= 1 ? l : ApiQuery.DefaultPageSize;
                var scan = await scans.ScanAsync(query.ToFilter(), afterId, limit, ct);
                return Results.Ok(new DealScanAnswer(scan.Items, scan.NextAfterId is { } next ? WriteCursor(next) : null));
            })
            .WithName("ListDeals")
            .WithSummary("Deals filtered as on /deals: one page in the list's sort (page, size), or with cursor/limit every deal once, in id order.")
            .Produces<PagedResult<DealSummary>>()
            .Produces<DealScanAnswer>()
            .ProducesValidationProblem()
            .AsRead();

    /// <summary>An opaque cursor: the last id read, so that a script passes it back and never builds one.</summary>
    public static string WriteCursor(int afterId) =>
        WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(CursorPrefix + afterId.ToString(CultureInfo.InvariantCulture)));

    private static bool TryReadCursor(string? cursor, out int afterId)
    {
        afterId = 0;
        if (string.IsNullOrEmpty(cursor))
        {
            return true;
        }

        try
        {
            var text = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(cursor));
            return text.StartsWith(CursorPrefix, StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(CursorPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out afterId);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

/// <summary>A slice of the deals in id order; <see cref="Next"/> is the cursor of the next slice, null after the last.</summary>
internal sealed record DealScanAnswer(IReadOnlyList<DealSummary> Items, string? Next);
