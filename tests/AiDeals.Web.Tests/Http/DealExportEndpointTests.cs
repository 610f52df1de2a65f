using System.Globalization;
using System.Net;
using System.Text;
using AiDeals.Core.Domain;
using AiDeals.Core.Features.Deals;
using AiDeals.Web.Features.Deals;
using AiDeals.Web.Tests.Support;
using CsvHelper;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AiDeals.Web.Tests.Http;

/// <summary><c>GET /deals/export.csv</c> on the real app: the file a spreadsheet receives, parsed back with CsvHelper.</summary>
[Collection(WebHostCollection.Name)]
public sealed class DealExportEndpointTests(AiDealsWebFactory factory) : IClassFixture<AiDealsWebFactory>
{
    private static readonly string[] Header =
    [
        "Title", "Target", "Investors", "Kind", "Status", "Amount low (USD)", "Amount high (USD)", "Amount qualifier",
        "Announced", "Announced precision", "Source URLs", "Currency", "Reported low", "Reported high",
        "Commitments",
    ];

    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Get_SoftBankByAmount_DownloadsItsDealsLargestFirstAsAnAttachment()
    {
        var response = await _client.GetAsync(new Uri("/deals/export.csv?investor=softbank&sort=amount", UriKind.Relative), TestContext.Current.CancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Matches(@"^aideals-deals-\d{8}\.csv$", response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(DealExportEndpoints.FileName(DateTimeOffset.UtcNow), response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);

        var (header, rows) = Parse(bytes);
        Assert.Equal(Header, header);
        Assert.Equal(
            ["Stargate AI data-center project", "SoftBank–OpenAI AI partnership", "SoftBank direct investment in OpenAI", "SoftBank investment in WeWork", "SoftBank commitment to Stargate"],
            rows.Select(r => r["Title"]));
        var equity = rows.Single(r => r["Title"] == "SoftBank direct investment in OpenAI");
        Assert.Equal("OpenAI", equity["Target"]);
        Assert.Equal("SoftBank Group", equity["Investors"]);
        Assert.Equal("EquityInvestment", equity["Kind"]);
        Assert.Equal("InTalks", equity["Status"]);
        Assert.Equal("15000000000", equity["Amount low (USD)"]);
        Assert.Equal("25000000000", equity["Amount high (USD)"]);
        Assert.Equal("Range", equity["Amount qualifier"]);
        Assert.Equal("2025-01-01", equity["Announced"]);
        Assert.Equal("Month", equity["Announced precision"]);
        var partnership = rows.Single(r => r["Title"] == "SoftBank–OpenAI AI partnership");
        Assert.Equal(("40000000000", string.Empty, "AtLeast"), (partnership["Amount low (USD)"], partnership["Amount high (USD)"], partnership["Amount qualifier"]));
        Assert.Equal("OpenAI; SoftBank Group", rows.Single(r => r["Title"] == "Stargate AI data-center project")["Investors"]);
    }

    [Fact]
    public async Task Get_NoQuery_DownloadsEveryDealAcrossPagesInTheListsDefaultOrder()
    {
        var response = await _client.GetAsync(new Uri("/deals/export.csv", UriKind.Relative), TestContext.Current.CancellationToken);
        var (_, rows) = Parse(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));

        Assert.Equal(SeedData.ReadDeals().Count, rows.Count);
        var announced = rows.Select(r => DateOnly.ParseExact(r["Announced"], "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(announced.OrderDescending(), announced);
        Assert.Equal("Undisclosed", rows.Single(r => r["Title"] == "Microsoft backing of OpenAI")["Amount qualifier"]);
        Assert.Equal(string.Empty, rows.Single(r => r["Title"] == "Microsoft backing of OpenAI")["Amount low (USD)"]);
    }

    [Fact]
    public async Task Get_FilterMatchingNothing_DownloadsTheHeaderOnly()
    {
        var response = await _client.GetAsync(new Uri("/deals/export.csv?q=no-such-words", UriKind.Relative), TestContext.Current.CancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (header, rows) = Parse(bytes);
        Assert.Equal(Header, header);
        Assert.Empty(rows);
    }

    [Fact]
    public async Task Get_SameQueryAsTheList_ExportsTheRowsTheListCounts()
    {
        var query = "?status=InTalks&min=15000000000&max=20000000000&sort=title&desc=false&page=2&size=50";

        var response = await _client.GetAsync(new Uri("/deals/export.csv" + query, UriKind.Relative), TestContext.Current.CancellationToken);
        var (_, rows) = Parse(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));

        // The page is the list's, not the file's: the file has every page.
        Assert.Equal(["SoftBank commitment to Stargate", "SoftBank direct investment in OpenAI"], rows.Select(r => r["Title"]));
    }

    [Theory]
    [InlineData("?investor=softbank&sort=amount", "softbank")]
    [InlineData("", null)]
    public async Task Export_SameFilter_IsByteForByteWhatTheCommandLinesWriterWrites(string query, string? investor)
    {
        var cancel = TestContext.Current.CancellationToken;
        var download = await _client.GetByteArrayAsync(new Uri("/deals/export.csv" + query, UriKind.Relative), cancel);

        var filter = investor is null ? new DealFilter() : new DealFilter { Investors = [investor], Sort = DealSortField.Amount, Descending = true };
        using var written = new MemoryStream();
        var deals = factory.Services.GetRequiredService<DealQueries>();
        await AiDeals.Core.Features.Export.DealCsvWriter.WriteAsync(written, deals.ExportAsync(filter, cancel), cancel);

        Assert.True(download.Length > 200, $"Only {download.Length} bytes exported.");
        Assert.Equal(written.ToArray(), download);
    }

    [Fact]
    public async Task WriteAsync_UnderAGermanCulture_WritesInvariantNumbersAndQuotesAsRfc4180()
    {
        var rows = new[]
        {
            new DealExportRow(
                1, "Deal, with \"quotes\"\nand a line", "Target", ["A", "B"], DealKind.Debt, DealStatus.Rumored,
                AmountRange.Between(1_234_567_890, 9_876_543_210), PartialDate.Quarter(2024, 4), ["https://a.example/x?y=1", "https://b.example"]),
            new DealExportRow(
                2, "=HYPERLINK(\"https://evil.example\")", null, [], DealKind.Grant, DealStatus.Abandoned,
                AmountRange.Undisclosed, null, []),
        };

        using var stream = new MemoryStream();
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            await DealExportEndpoints.WriteAsync(stream, rows.ToAsyncEnumerable(), NullLogger.Instance, TestContext.Current.CancellationToken);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }

        var text = Encoding.UTF8.GetString(stream.ToArray());
        Assert.StartsWith("\uFEFFTitle,", text, StringComparison.Ordinal);
        Assert.Contains("\r\n\"Deal, with \"\"quotes\"\"\nand a line\",Target,A; B,Debt,Rumored,1234567890,9876543210,Range,2024-10-01,Quarter,https://a.example/x?y=1 https://b.example,USD,,,\r\n", text, StringComparison.Ordinal);
        var (_, parsed) = Parse(stream.ToArray());
        Assert.Equal("Deal, with \"quotes\"\nand a line", parsed[0]["Title"]);
        // A spreadsheet would run a cell that starts with "=": it is written as text.
        Assert.Equal("'=HYPERLINK(\"https://evil.example\")", parsed[1]["Title"]);
        Assert.Equal(string.Empty, parsed[1]["Announced"]);
    }

    [Fact]
    public async Task WriteAsync_ManyRows_WritesOnlyAsynchronouslyAsAWebResponseRequires()
    {
        // A response stream refuses synchronous writes; the writer's buffer fills many times over in 5,000 rows.
        var rows = Enumerable.Range(1, 5_000).Select(i => new DealExportRow(
            i, $"Deal {i} with a title long enough to fill buffers", "Target", ["Investor A", "Investor B"], DealKind.EquityInvestment,
            DealStatus.Announced, AmountRange.Exact(i * 1_000_000L), PartialDate.Day(2025, 1, 1), [$"https://news.example/{i}"]));
        await using var stream = new AsyncOnlyStream();

        await DealExportEndpoints.WriteAsync(stream, rows.ToAsyncEnumerable(), NullLogger.Instance, TestContext.Current.CancellationToken);

        var (header, parsed) = Parse(stream.Written.ToArray());
        Assert.Equal(Header, header);
        Assert.Equal(5_000, parsed.Count);
        Assert.Equal("Deal 5000 with a title long enough to fill buffers", parsed[^1]["Title"]);
        Assert.True(stream.Written.Length > 500_000, $"Only {stream.Written.Length} bytes written.");
    }

    [Fact]
    public async Task WriteAsync_ClientDropsTheDownload_StopsAndLogsItAsInformationNotAsAnError()
    {
        using var dropped = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var logger = new RecordingLogger();
        await using var stream = new AsyncOnlyStream();

        await DealExportEndpoints.WriteAsync(stream, RowsThenWait(dropped, dropped.Token), logger, dropped.Token);

        var entry = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.Contains("closed the connection", entry.Message, StringComparison.Ordinal);
        Assert.Contains("Deal 1", Encoding.UTF8.GetString(stream.Written.ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_ReadFailsWhileTheClientIsThere_Throws()
    {
        var logger = new RecordingLogger();
        await using var stream = new AsyncOnlyStream();

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            DealExportEndpoints.WriteAsync(stream, RowThenFail(), logger, TestContext.Current.CancellationToken));
        Assert.Empty(logger.Entries);
    }

    private static DealExportRow Row(int id) => new(
        id, $"Deal {id}", null, [], DealKind.Grant, DealStatus.Announced, AmountRange.Undisclosed, null, []);

    // A row, then the client goes away while the next batch is read: the read is canceled with the request.
    private static async IAsyncEnumerable<DealExportRow> RowsThenWait(CancellationTokenSource dropped, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        yield return Row(1);
        await dropped.CancelAsync();
        await Task.Delay(Timeout.Infinite, cancellationToken);
        yield return Row(2);
    }

    private static async IAsyncEnumerable<DealExportRow> RowThenFail()
    {
        yield return Row(1);
        await Task.Yield();
        throw new InvalidOperationException("The database went away.");
    }

    /// <summary>The header and the records of a CSV file, each record by column name.</summary>
    private static (IReadOnlyList<string> Header, List<Dictionary<string, string>> Rows) Parse(byte[] bytes)
    {
        using var reader = CsvReader.Create(bytes, null);
        reader.ReadHeader();
        var header = reader.Headers.ToList();
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            rows.Add(header.Select((name, i) => (name, value: reader.GetString(i))).ToDictionary(p => p.name, p => p.value));
        }

        return (header, rows);
    }

    /// <summary>The entries logged through it, level and message.</summary>
    private sealed class RecordingLogger : ILogger
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Entries)
            {
                Entries.Add((logLevel, formatter(state, exception)));
            }
        }
    }

    /// <summary>A stream that, like Kestrel's response body, throws on a synchronous write or flush.</summary>
    private sealed class AsyncOnlyStream : Stream
    {
        public MemoryStream Written { get; } = new();

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous operations are disallowed.");

        public override void Flush() => throw new InvalidOperationException("Synchronous operations are disallowed.");

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            Written.WriteAsync(buffer, cancellationToken);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Written.WriteAsync(buffer, offset, count, cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                Written.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
