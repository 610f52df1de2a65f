using AiDeals.Core.Tests.Support;
using static AiDeals.Core.Tests.Import.ImportSupport;

namespace AiDeals.Core.Tests.Import;

/// <summary>One seeded database for the corpus: every bad file must leave it as it was, so they can share it.</summary>
public sealed class SeededForImport : IAsyncLifetime
{
    internal TestDatabase Database { get; private set; } = default!;

    public async ValueTask InitializeAsync() => Database = await TestDatabase.CreateSeededAsync();

    public async ValueTask DisposeAsync() => await Database.DisposeAsync();
}

public sealed class BadFileTests(SeededForImport seeded) : IClassFixture<SeededForImport>
{
    public static TheoryData<string> Names => [.. BadFiles.All().Select(f => f.Name)];

    [Fact]
    public void Corpus_HasAtLeastSixtyFiles() => Assert.True(BadFiles.All().Count() >= 60, $"{BadFiles.All().Count()} bad files");

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Import_OfABadFile_SaysWhereAndWhy_AndWritesNothing(string name)
    {
        var (_, content, message, line) = BadFiles.All().Single(f => f.Name == name);
        var database = seeded.Database;

        // A file refused as a whole (not UTF-8, wrong columns, too many rows, not JSON) is refused before any database is
        // opened, so nothing can be written: that is asked of an importer without one. The others go to the seeded one.
        // A commit of a file with a problem is its preview: it checks everything, then rolls back.
        var commit = await WithoutDatabase.CommitAsync(Analyst, name + ".file", content, Token);
        if (commit is null)
        {
            var before = await CountsAsync(database);
            commit = await database.Importer.CommitAsync(Analyst, name + ".file", content, cancellationToken: Token);
            Assert.Equal(before, await CountsAsync(database));
        }

        Assert.False(commit.IsValid, "No problem found in " + name);
        Assert.False(commit.Committed);
        Assert.True(commit.Problems.Any(p => p.Message.Contains(message, StringComparison.OrdinalIgnoreCase)), string.Join("\n", commit.Problems));
        Assert.All(commit.Problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Message)));
        if (line is { } expected)
        {
            Assert.Contains(commit.Problems, p => p.Line == expected);
        }

        // A row's problem names its column: a CSV's by name, a deal book's by number.
        Assert.All(commit.Problems.Where(p => p.Line > 1 && !p.Message.Contains("UTF-8", StringComparison.Ordinal)), p =>
            Assert.True(p.ColumnName is not null || p.Column is not null || p.Message.Contains("same deal", StringComparison.Ordinal) || p.Message.Contains("malformed", StringComparison.Ordinal), p.ToString()));
    }
}
