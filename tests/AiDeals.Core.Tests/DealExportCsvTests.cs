using System.Runtime.CompilerServices;
using System.Text;
using AiDeals.Core.Domain;
using AiDeals.Core.Features.Deals;
using AiDeals.Core.Features.Export;
using AiDeals.Core.Tests.Support;

namespace AiDeals.Core.Tests;

/// <summary>
/// The CSV of a whole export, byte for byte, against the one written from the deals as their entities read (LINQ over
/// the same rows, in memory), and an export stopped halfway.
/// </summary>
public sealed class DealExportCsvTests(SyntheticDeals synthetic) : IClassFixture<SyntheticDeals>
{
    [Fact]
    public async Task WriteAsync_EveryDealInManyBatches_WritesTheBytesOfTheDealsAsTheirEntitiesRead()
    {
        // 2,000 deals in batches of 300: the last batch is short; the first name their own rows, the later ones use every
        // name read once.
        var queries = new DealQueries(synthetic.Database.Contexts) { ExportBatchSize = 300 };
        var expected = Expected(synthetic.Deals);

        var exported = await CsvAsync(queries.ExportAsync(new DealFilter(), TestContext.Current.CancellationToken));
        var written = await CsvAsync(expected.ToAsyncEnumerable());

        Assert.Equal(SyntheticDeals.DealCount, expected.Count);
        Assert.Contains(expected, r => r.Commitments.Count > 0);
        Assert.Contains(expected, r => r.Investors.Count >= 3);
        Assert.Contains(expected, r => r.SourceUrls.Count == 2);
        Assert.Equal(Encoding.UTF8.GetString(written), Encoding.UTF8.GetString(exported));
        Assert.Equal(written, exported);
    }

    [Fact]
    public async Task WriteAsync_DownloadDroppedHalfway_StopsTheExportAndTheNextOneIsWhole()
    {
        var queries = new DealQueries(synthetic.Database.Contexts) { ExportBatchSize = 50 };
        using var dropped = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var whole = await CsvAsync(queries.ExportAsync(new DealFilter(), TestContext.Current.CancellationToken));
        await using var response = new DroppedAfter(whole.Length / 2, dropped);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            DealCsvWriter.WriteAsync(response, queries.ExportAsync(new DealFilter(), dropped.Token), dropped.Token));

        // The writer stops at the write after the drop: nowhere near the end.
        Assert.InRange(response.Length, whole.Length / 2, (whole.Length / 2) + (64 * 1024));
        Assert.Equal(whole, await CsvAsync(queries.ExportAsync(new DealFilter(), TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task WriteAsync_NextRowsStillBeingRead_SendsTheRowsSoFarButNeverTheHeaderAlone()
    {
        var firstRows = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var nextRows = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var row = Expected(synthetic.Deals)[0];
        await using var response = new FlushedResponse();

        var writing = DealCsvWriter.WriteAsync(response, Rows(), TestContext.Current.CancellationToken);
        // Waiting for the first rows, the writer has sent nothing: a read that fails now still gets an error, not a file.
        Assert.Empty(response.Sent);
        firstRows.SetResult();
        // Waiting for the next rows, it sends the first (far less than its 64 KB buffer) without being asked.
        await response.FirstFlush.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        var sent = Encoding.UTF8.GetString(response.Sent);
        nextRows.SetResult();
        await writing;

        Assert.StartsWith("\uFEFFTitle,", sent, StringComparison.Ordinal);
        // The header and two rows, each ended; then the third.
        Assert.Equal(4, sent.Split("\r\n").Length);
        Assert.Equal(5, Encoding.UTF8.GetString(response.Sent).Split("\r\n").Length);

        async IAsyncEnumerable<DealExportRow> Rows()
        {
            await firstRows.Task;
            yield return row;
            yield return row;
            await nextRows.Task;
            yield return row;
        }
    }

    [Fact]
    public async Task WriteAsync_DownloadDroppedWhileTheNextRowsAreRead_ThrowsWhatStoppedIt()
    {
        // The rows so far fail to go out while the next ones are read; the request's token is canceled a moment later.
        using var dropped = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var row = Expected(synthetic.Deals)[0];
        await using var response = new DroppedOnFlush(dropped);

        var thrown = await Record.ExceptionAsync(() => DealCsvWriter.WriteAsync(response, Rows(dropped.Token), dropped.Token));

        // Not NotSupportedException, which an enumerator disposed in the middle of a read throws.
        Assert.True(thrown is OperationCanceledException or IOException, thrown?.ToString() ?? "nothing thrown");

        async IAsyncEnumerable<DealExportRow> Rows([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            yield return row;
            await Task.Delay(Timeout.Infinite, cancellationToken);
            yield return row;
        }
    }

    // The deals the list shows first (latest announced, then the highest id), as the export's rows from their entities.
    private static List<DealExportRow> Expected(IReadOnlyList<Deal> deals) =>
    [
        .. deals.Where(d => d.DeletedAt is null)
            .OrderByDescending(d => d.AnnouncedOn is null ? 0 : 1).ThenByDescending(d => d.AnnouncedOn).ThenByDescending(d => d.Id)
            .Select(d =>
            {
                var investors = d.Participants
                    .Where(p => p.DeletedAt is null && p.Organization!.DeletedAt is null)
                    .OrderBy(p => DealFiltering.RankOf(p.Role)).ThenBy(p => p.Organization!.Name, StringComparer.Ordinal).ThenBy(p => p.Id)
                    .ToList();
                var amount = AmountRange.Create(d.AmountLow, d.AmountHigh, d.AmountQualifier);
                return new DealExportRow(
                    d.Id,
                    d.Title,
                    d.Target is { DeletedAt: null } target ? target.Name : null,
                    [.. investors.Select(p => p.Organization!.Name)],
                    d.Kind,
                    d.Status,
                    amount,
                    d.Announced,
                    [.. d.Citations.Where(c => c.DeletedAt is null).Select(c => c.Source!)
                        .Where(s => s.DeletedAt is null && s.Url is not null)
                        .OrderBy(s => s.PublishedOn).ThenBy(s => s.Id).Select(s => s.Url!).Distinct()])
                {
                    AsReported = ReportedAmount.Of(d.Currency, d.ReportedLow, d.ReportedHigh, d.ReportedQualifier, amount, d.RateOn),
                    Commitments = [.. investors
                        .Where(p => p.CommitmentQualifier != AmountQualifier.Undisclosed || p.ReportedQualifier is not (null or AmountQualifier.Undisclosed))
                        .Select(p => $"{p.Organization!.Name}: " + ReportedAmount.Of(p.Currency, p.ReportedLow, p.ReportedHigh, p.ReportedQualifier,
                            AmountRange.Create(p.CommitmentLow, p.CommitmentHigh, p.CommitmentQualifier), p.RateOn))],
                };
            }),
    ];

    private static async Task<byte[]> CsvAsync(IAsyncEnumerable<DealExportRow> rows)
    {
        using var stream = new MemoryStream();
        await DealCsvWriter.WriteAsync(stream, rows, TestContext.Current.CancellationToken);
        return stream.ToArray();
    }

    /// <summary>A response that keeps what it has been sent and says when it was first flushed.</summary>
    private sealed class FlushedResponse : MemoryStream
    {
        private readonly TaskCompletionSource _flushed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Lock _sending = new();

        public Task FirstFlush => _flushed.Task;

        public byte[] Sent
        {
            get
            {
                lock (_sending)
                {
                    return ToArray();
                }
            }
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            lock (_sending)
            {
                Write(buffer.Span);
            }

            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override Task FlushAsync(CancellationToken cancellationToken)
        {
            _flushed.TrySetResult();
            return Task.CompletedTask;
        }
    }

    /// <summary>A response whose reader has gone when it is first flushed, as Kestrel's fails before the request is aborted.</summary>
    private sealed class DroppedOnFlush(CancellationTokenSource aborted) : MemoryStream
    {
        public override Task FlushAsync(CancellationToken cancellationToken)
        {
            aborted.CancelAfter(TimeSpan.FromMilliseconds(50));
            return Task.FromException(new IOException("The client reset the connection."));
        }
    }

    /// <summary>A response whose reader goes away once it has received this many bytes, as a closed browser tab does.</summary>
    private sealed class DroppedAfter(int bytes, CancellationTokenSource aborted) : MemoryStream
    {
        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await base.WriteAsync(buffer, cancellationToken);
            if (Length >= bytes)
            {
                await aborted.CancelAsync();
            }
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }
}
