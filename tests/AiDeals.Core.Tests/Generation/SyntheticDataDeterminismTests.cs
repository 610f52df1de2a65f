using AiDeals.Core.Tests.Support;

namespace AiDeals.Core.Tests.Generation;

/// <summary>The same seed writes the same rows; another seed writes others.</summary>
public sealed class SyntheticDataDeterminismTests(GeneratedDatabase generated) : IClassFixture<GeneratedDatabase>
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
    public async Task GenerateAsync_AnotherSeed_WritesOtherDeals()
    {
        var (other, _) = await GeneratedDatabase.GenerateAsync(GeneratedDatabase.Seed + 1);
        await using var _ = other;

        Assert.NotEqual(await GeneratedDatabase.HashAsync(generated.Database, "Deals"), await GeneratedDatabase.HashAsync(other, "Deals"));
        Assert.NotEqual(await GeneratedDatabase.HashAsync(generated.Database, "DealParticipants"), await GeneratedDatabase.HashAsync(other, "DealParticipants"));
    }
}
