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
        // 2,000 deals in batches of 300: the last batch is short, and the names are read once for all of them.
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
