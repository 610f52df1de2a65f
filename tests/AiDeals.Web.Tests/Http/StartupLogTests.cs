using AiDeals.Web.Tests.Support;

namespace AiDeals.Web.Tests.Http;

/// <summary>A start says how long it took, phase by phase, once the server listens: what an operator reads when a start is slow.</summary>
[Collection(WebHostCollection.Name)]
public sealed class StartupLogTests(AiDealsWebFactory factory) : IClassFixture<AiDealsWebFactory>
{
    [Fact]
    public async Task Start_WhenTheServerListens_LogsEachPhaseInOrder()
    {
        using var client = factory.CreateClient();
        await client.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);

        var line = Directory.GetFiles(factory.LogFolder, "aideals-*.log")
            .SelectMany(File.ReadLines)
            .Single(l => l.Contains("Started in", StringComparison.Ordinal));

        var phases = new[] { "main", "host built", "database ready", "accounts", "keys", "listening" };
        var positions = phases.Select(p => line.IndexOf(p + " at ", StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0, line));
        Assert.Equal(positions.Order(), positions);

        // Beside the wall time, the CPU the start took: on a loaded machine the wall time is mostly waiting for a core.
        Assert.Matches("\"CpuMilliseconds\":[1-9][0-9.]*[,}]", line);
    }
}
