using System.Text;
using AiDeals.Core.Features.Import;
using static AiDeals.Core.Tests.Import.ImportSupport;

namespace AiDeals.Core.Tests.Import;

/// <summary>
/// A deal book is read as a stream: its size is checked before a byte is read, its entries are counted before any is
/// held, and a problem inside an entry is still told at its line and column, found by reading that entry again.
/// </summary>
public sealed class DealBookStreamTests
{
    [Fact]
    public async Task Preview_OfAFileOverTheSizeLimit_IsRefusedWithItsSize_BeforeAnyByteIsRead()
    {
        var report = await WithoutDatabase.CommitAsync(Analyst, "huge.json", new UnreadableFile(129L * 1024 * 1024), Token);

        var problem = Assert.Single(report!.Problems);
        Assert.Equal("The file is 129 MB; an import takes at most 128 MB. Split it into smaller files.", problem.Message);
    }

    [Fact]
    public async Task Preview_OfProblemsInsideEntries_OnALineLongerThanABlock_AreToldAtTheirLinesAndColumns()
    {
        await using var database = await Support.TestDatabase.CreateAsync();
        // A byte-order mark; a first entry on one line of 100 KB (longer than the 64 KB blocks the line counts are kept
        // by) with its problem at the end; a second entry with two-byte characters before its problem: a column counts
        // characters, not bytes.
        var book = $$"""
            {
              "organizations": [
                { "key": "a", "name": "First Labs", "type": "Company", "description": "{{new string('x', 100_000)}}", "country": "XX" },
                { "key": "b", "name": "Zweite Gesellschaft für KI", "type": "Company", "country": "YY" }
              ]
            }
            """;
        var content = ImportFile.Of([.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(book.Replace("\r\n", "\n", StringComparison.Ordinal))]);

        var report = await database.Importer.PreviewAsync(Analyst, "book.json", content, cancellationToken: Token);

        var first = Assert.Single(report.Problems, p => p.Message.Contains("$.organizations[0].country", StringComparison.Ordinal));
        var second = Assert.Single(report.Problems, p => p.Message.Contains("$.organizations[1].country", StringComparison.Ordinal));
        Assert.Equal((3L, 100079L), (first.Line, first.Column!.Value));
        Assert.Equal((4L, 76L), (second.Line, second.Column!.Value));
        Assert.Equal([3L, 4L], report.Items.Select(i => i.Line));
    }

    /// <summary>A file that says how large it is and cannot be read: the size check must come first.</summary>
    private sealed class UnreadableFile(long length) : ImportFile
    {
        public override long Length => length;

        public override Stream Open() => throw new InvalidOperationException("The file was read although it is over the limit.");
    }
}
