using System.Diagnostics;
using AiDeals.Core.Features.Deals;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace AiDeals.Benchmarks;

/// <summary>
/// The CSV export: one investor's deals whole, and the first 100,000 rows of every deal (the rate of the full export
/// without its minutes). The end-to-end way is the HTTP download itself, CSV bytes counted.
/// </summary>
internal static class ExportCases
{
    /// <summary>How many rows of the full export are read: enough for a steady rate.</summary>
    public const int AllRowsRead = 100_000;

    private const string ExportColumns = """
        d.Id, d.Title, t.Name,
        (SELECT group_concat(Name, '; ') FROM (
            SELECT o.Name FROM DealParticipants AS p JOIN Organizations AS o ON o.Id = p.OrganizationId AND o.DeletedAt IS NULL
            WHERE p.DealId = d.Id AND p.DeletedAt IS NULL
            ORDER BY CASE p.Role WHEN 'Lead' THEN 0 WHEN 'CoInvestor' THEN 1 WHEN 'Backer' THEN 2 ELSE 3 END, o.Name)),
        d.Kind, d.Status, d.AmountLow, d.AmountHigh, d.AmountQualifier, d.AnnouncedOn, d.AnnouncedPrecision,
        (SELECT group_concat(Url, ' ') FROM (
            SELECT s.Url FROM Citations AS c JOIN Sources AS s ON s.Id = c.SourceId AND s.DeletedAt IS NULL
            WHERE c.DealId = d.Id AND c.DeletedAt IS NULL AND s.Url IS NOT NULL ORDER BY s.PublishedOn, c.SourceId))
        """;

    public static IEnumerable<BenchCase> All(BenchContext context)
    {
        var facts = context.Facts;
        var deals = context.Services.GetRequiredService<DealQueries>();

        var investorSql = $"""
            WITH ids AS MATERIALIZED (
                SELECT DISTINCT p.DealId FROM DealParticipants AS p
                WHERE p.OrganizationId = (SELECT Id FROM Organizations WHERE Slug = @slug AND DeletedAt IS NULL) AND p.DeletedAt IS NULL)
            SELECT {ExportColumns}
            FROM ids CROSS JOIN Deals AS d ON d.Id = ids.DealId LEFT JOIN Organizations AS t ON t.Id = d.TargetId AND t.DeletedAt IS NULL
            WHERE d.DeletedAt IS NULL ORDER BY d.AnnouncedOn DESC, d.Id DESC
            """;
        yield return new BenchCase(
            $"export: investor {facts.FilterInvestor}",
            Raw(context.Raw, investorSql, ("@slug", facts.FilterInvestor)),
            Service(deals, new DealFilter { Investors = [facts.FilterInvestor] }, int.MaxValue),
            context.AppAddress is { } app
                ? Download(app, "deals/export.csv?investor=" + Uri.EscapeDataString(facts.FilterInvestor), int.MaxValue)
                : Way.NotAvailable("not run (--no-browser)"),
            "HTTP export.csv")
        { ReportsThroughput = true };

        var allSql = $"""
            SELECT {ExportColumns}
            FROM Deals AS d LEFT JOIN Organizations AS t ON t.Id = d.TargetId AND t.DeletedAt IS NULL
            WHERE d.DeletedAt IS NULL ORDER BY d.AnnouncedOn DESC, d.Id DESC LIMIT {AllRowsRead}
            """;
        yield return new BenchCase(
            $"export: all deals, first {AllRowsRead:N0} rows",
            Raw(context.Raw, allSql),
            Service(deals, new DealFilter(), AllRowsRead),
            context.AppAddress is { } address
                ? Download(address, "deals/export.csv", AllRowsRead)
                : Way.NotAvailable("not run (--no-browser)"),
            "HTTP export.csv")
        { ReportsThroughput = true };
    }

    private static Way Raw(SqliteConnection connection, string sql, params (string, object?)[] parameters)
    {
        var command = Sql.Command(connection, sql, parameters);
        return Way.Timed(() => Sql.DrainAsync(command));
    }

    private static Way Service(DealQueries deals, DealFilter filter, int take) => Way.Timed(async () =>
    {
        long rows = 0;
        await foreach (var row in deals.ExportAsync(filter))
        {
            _ = row.Investors.Count;
            if (++rows >= take)
            {
                break;
            }
        }

        return rows;
    });

    // The whole response as a browser downloads it (or its first rows, then the connection is dropped).
    private static Way Download(Uri app, string relativeUrl, int take)
    {
        var http = new HttpClient { BaseAddress = app, Timeout = BrowserSession.Timeout };
        return Way.Of(async _ =>
        {
            var clock = Stopwatch.StartNew();
            using var response = await http.GetAsync(new Uri(relativeUrl, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
            await using var stream = await response.Content.ReadAsStreamAsync();
            var counting = new CountingStream(stream);
            using var reader = new StreamReader(counting);
            long lines = 0;
            while (await reader.ReadLineAsync() is not null && lines <= take)
            {
                lines++;
            }

            // The header line is not a deal. (A quoted field with a line break would count twice; titles have none.)
            return new Sample(clock.Elapsed.TotalMilliseconds, Math.Max(0, lines - 1), counting.BytesRead);
        });
    }
}
