using AiDeals.Core.Tests.Support;

namespace AiDeals.Core.Tests.Generation;

/// <summary>The same seed writes the same rows; another seed writes others.</summary>
public sealed class SyntheticDataDeterminismTests
{
    [Fact]
    public async Task GenerateAsync_SameSeedTwice_WritesIdenticalTables()
    {
        // Two small runs: the generator draws every row from one seeded sequence, with no batching or threads whose
        // effects would show only at volume, so 2,000 deals (every table filled) show determinism as 20,000 would.
        var (one, oneCounts) = await GeneratedDatabase.GenerateAsync(GeneratedDatabase.Seed, deals: 2_000);
        await using var _ = one;
        var (again, againCounts) = await GeneratedDatabase.GenerateAsync(GeneratedDatabase.Seed, deals: 2_000);
        await using var __ = again;

        Assert.Equal(oneCounts, againCounts);
        foreach (var table in GeneratedDatabase.SampledTables)
        {
            var hash = await GeneratedDatabase.HashAsync(one, table);
            Assert.False(hash.StartsWith("0:", StringComparison.Ordinal), $"{table} is empty");
            Assert.Equal(hash, await GeneratedDatabase.HashAsync(again, table));
        }
    }

    [Fact]
    public async Task GenerateAsync_AnotherSeed_WritesOtherRowsOfTheSameCount()
    {
        // Small runs: what is compared is that the seed alone changes the rows.
        var (one, _) = await GeneratedDatabase.GenerateAsync(GeneratedDatabase.Seed, deals: 1_000);
        await using var _ = one;
        var (other, _) = await GeneratedDatabase.GenerateAsync(GeneratedDatabase.Seed + 1, deals: 1_000);
        await using var __ = other;

        foreach (var table in new[] { "Organizations", "Deals" })
        {
            var (oneHash, otherHash) = (await GeneratedDatabase.HashAsync(one, table), await GeneratedDatabase.HashAsync(other, table));
            Assert.Equal(oneHash.Split(':')[0], otherHash.Split(':')[0]);
            Assert.NotEqual(oneHash, otherHash);
        }

        Assert.NotEqual(await GeneratedDatabase.HashAsync(one, "DealParticipants"), await GeneratedDatabase.HashAsync(other, "DealParticipants"));
    }
}
