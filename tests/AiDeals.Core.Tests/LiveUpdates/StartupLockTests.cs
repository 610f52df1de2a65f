using AiDeals.Core.Data;

namespace AiDeals.Core.Tests.LiveUpdates;

/// <summary>Instances starting together on one PostgreSQL database take turns through their start-up.</summary>
public sealed class StartupLockTests
{
    [Fact]
    public async Task AcquireAsync_WhileAnotherInstanceStarts_WaitsUntilItIsDone()
    {
        await using var database = await ScratchPostgres.CreateAsync();
        var settings = new DatabaseSettings(DatabaseProvider.PostgreSql, database.ConnectionString);
        var token = TestContext.Current.CancellationToken;

        var first = await StartupLock.AcquireAsync(settings, token);
        var second = StartupLock.AcquireAsync(settings, token);
        await Task.Delay(500, token);
        Assert.False(second.IsCompleted, "the second instance started while the first was still starting");

        await first.DisposeAsync();
        await using var after = await second.WaitAsync(TimeSpan.FromSeconds(10), token);
    }
}
