using System.Globalization;
using AiDeals.Core.Features.Export;
using AiDeals.Core.Features.Import;
using AiDeals.Web.Features.Deals;

namespace AiDeals.Web.Features.Export;

/// <summary>
/// Deal book downloads (the JSON that import reads back): <c>GET /export/dealbook.json</c> for the whole database and
/// <c>GET /deals/export.dealbook.json?&lt;the deal list's query&gt;</c> for the deals of a view; and the import's CSV
/// template, <c>GET /import/template.csv</c>. Reads, under the same rules as the pages.
/// </summary>
public static class DealBookExportEndpoints
{
    public const string WholePath = "/export/dealbook.json";
    public const string ViewPath = "/deals/export.dealbook.json";
    public const string TemplatePath = "/import/template.csv";

    public static IEndpointRouteBuilder MapDealBookExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(WholePath, (HttpContext context, DealBookExporter exporter, TimeProvider clock) =>
                Results.Stream(stream => exporter.WriteAllAsync(stream, context.RequestAborted), "application/json; charset=utf-8", FileName("all", clock)))
            .WithName("ExportDealBook")
            .WithSummary("The whole database as a deal book (JSON).");
        endpoints.MapGet(ViewPath, (HttpContext context, DealBookExporter exporter, TimeProvider clock) =>
            {
                var filter = DealQuery.FromQuery(context.Request.Query).ToFilter();
                return Results.Stream(stream => exporter.WriteViewAsync(stream, filter, context.RequestAborted), "application/json; charset=utf-8", FileName("deals", clock));
            })
            .WithName("ExportDealsDealBook")
            .WithSummary("The deals a view of the deal list matches, with their organizations and sources, as a deal book (JSON).");
        endpoints.MapGet(TemplatePath, () => Results.File(
                [.. System.Text.Encoding.UTF8.Preamble, .. System.Text.Encoding.UTF8.GetBytes(DealCsvColumns.Template)], "text/csv; charset=utf-8", "aideals-import-template.csv"))
            .WithName("ImportTemplateCsv")
            .WithSummary("A deals CSV with every column import reads and one example row.");
        return endpoints;
    }

    /// <summary>The deal book of a view of the list: the same query string.</summary>
    public static string Link(DealQuery query) => ViewPath + (query with { Page = 1 }).ToQueryString();

    private static string FileName(string what, TimeProvider clock) =>
        string.Create(CultureInfo.InvariantCulture, $"aideals-{what}-{clock.GetUtcNow().UtcDateTime:yyyyMMdd}.dealbook.json");
}
