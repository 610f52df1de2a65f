using AiDeals.Core.Tests.Support;

namespace AiDeals.Core.Tests.Generation;

/// <summary>The same seed writes the same rows; another seed writes others.</summary>
[Collection(nameof(GeneratedDatabase))]
public sealed class SyntheticDataDeterminismTests(GeneratedDatabase generated)
{
    [Fact]
    public async Task GenerateAsync_SameSeedTwice_WritesIdenticalTables()
    {
        var (again, _) = await GeneratedDatabase.GenerateAsync(GeneratedDatabase.Seed);
        await using var _ = again;

        foreach (var table in GeneratedDatabase.SampledTables)
        {
            Assert.Equal(await GeneratedDatabase.HashAsync(generated.Database, table), await GeneratedDatabase.HashAsync(again, table));
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
