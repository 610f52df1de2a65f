using System.Diagnostics;
using System.Globalization;
using AiDeals.Core.Data;
using AiDeals.Core.Data.LiveUpdates;
using Microsoft.Extensions.Logging;

namespace AiDeals.Core.Tests.LiveUpdates;

/// <summary>
/// Two app instances on one PostgreSQL database, each with its relay: what one saves, the other's pages hear, over a real
/// server (AIDEALS_TEST_POSTGRES).
/// </summary>
public sealed class PostgresChangeRelayTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private static DataChange Saved(string user, params string[] types) =>
        new(types.ToHashSet(StringComparer.Ordinal), new DateTime(2026, 12, 2, 6, 0, 0, DateTimeKind.Utc), user);

    [Fact]
    public async Task Publish_OnA_IsHeardOnBWithinASecondAndNotEchoedOnA()
    {
        await using var database = await ScratchPostgres.CreateAsync();
        await using var a = await RelayInstance.StartAsync(database.ConnectionString);
        await using var b = await RelayInstance.StartAsync(database.ConnectionString);
        var saved = Saved("ann@aideals.local", "Deal", "DealParticipant");

        var clock = Stopwatch.StartNew();
        a.Notifier.Publish(saved);
        Assert.True(await b.NextAsync(Second), "B did not hear A's save within a second");
        var latency = clock.Elapsed;

        var heard = Assert.Single(b.Heard);
        Assert.Equal(["Deal", "DealParticipant"], heard.EntityTypes.Order(StringComparer.Ordinal));
        Assert.Equal((saved.AtUtc, saved.User, DateTimeKind.Utc, false), (heard.AtUtc, heard.User, heard.AtUtc.Kind, heard.Unknown));

        // A listens on the same channel and receives its own message too, in order: once B's reply has reached A, A's own
        // message has been read before it, and was not raised a second time.
        b.Notifier.Publish(Saved("bob@aideals.local", "Organization"));
        Assert.True(await a.NextAsync(Second), "A's own save was not raised on A");
        Assert.True(await a.NextAsync(Second), "A did not hear B's save within a second");
        Assert.Equal(["ann@aideals.local", "bob@aideals.local"], a.Heard.Select(c => c.User));
        Assert.Equal(2, b.Heard.Count);
        output.WriteLine($"First change A → B heard after {latency.TotalMilliseconds:F1} ms");
    }

    [Fact]
    public async Task Publish_ManyChanges_PrintsTheLatencyFromAToB()
    {
        await using var database = await ScratchPostgres.CreateAsync();
        await using var a = await RelayInstance.StartAsync(database.ConnectionString);
        await using var b = await RelayInstance.StartAsync(database.ConnectionString);
        var latencies = new List<double>();

        for (var i = 0; i < 100; i++)
        {
            var clock = Stopwatch.StartNew();
            a.Notifier.Publish(Saved($"analyst{i}@aideals.local", "Deal"));
            Assert.True(await b.NextAsync(Second), $"change {i} was not heard within a second");
            latencies.Add(clock.Elapsed.TotalMilliseconds);
        }

        // Each save heard once, in the order saved; the figures are printed, not asserted.
        Assert.Equal(Enumerable.Range(0, 100).Select(i => $"analyst{i}@aideals.local"), b.Heard.Select(c => c.User));
        latencies.Sort();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"A → B over NOTIFY, 100 changes one at a time: median {latencies[49]:F2} ms, 95th {latencies[94]:F2} ms, max {latencies[99]:F2} ms"));
    }

    [Fact]
    public async Task ListeningConnection_Dropped_ReconnectsReloadsEveryPageOnceAndHearsAgain()
    {
        await using var database = await ScratchPostgres.CreateAsync();
        await using var a = await RelayInstance.StartAsync(database.ConnectionString);
        await using var b = await RelayInstance.StartAsync(database.ConnectionString);
        b.ExpectReconnection();

        // What an administrator's pg_terminate_backend, a restart of PostgreSQL or a failover does to the listening sessions.
        await database.ExecuteAsync($"""
            SELECT pg_terminate_backend(pid) FROM pg_stat_activity
            WHERE datname = '{database.Name}' AND query LIKE 'LISTEN%' AND application_name = 'AiDeals live updates'
            """);
        await b.ListeningAsync();

        // Saves made while B was not listening were not heard: its pages reload once, for anything, naming no one.
        Assert.True(await b.NextAsync(Second));
        var missed = Assert.Single(b.Heard);
        Assert.True(missed.Unknown);
        Assert.True(missed.Touches("Valuation"));
        Assert.Equal("", missed.User);
        Assert.Contains(b.Logs.AtLeast(LogLevel.Warning), r => r.Message.Contains("lost the connection", StringComparison.Ordinal));
        Assert.Contains(b.Logs.Records, r => r.Level == LogLevel.Information && r.Message.Contains("listening for other instances' saves again", StringComparison.Ordinal));

        a.Notifier.Publish(Saved("ann@aideals.local", "Valuation"));
        Assert.True(await b.NextAsync(Second), "B did not hear A's save after reconnecting");
        Assert.Equal(["", "ann@aideals.local"], b.Heard.Select(c => c.User));
    }

    [Fact]
    public async Task Publish_TooLargeForNotify_IsHeardAsAnythingChanged()
    {
        await using var database = await ScratchPostgres.CreateAsync();
        await using var a = await RelayInstance.StartAsync(database.ConnectionString);
        await using var b = await RelayInstance.StartAsync(database.ConnectionString);

        // 10,000 characters of user name: as it is, PostgreSQL would refuse the payload ("payload string too long").
        a.Notifier.Publish(Saved(new string('é', 10_000), "Deal"));

        Assert.True(await b.NextAsync(Second), "B did not hear the oversized change");
        var heard = Assert.Single(b.Heard);
        Assert.True(heard.Unknown);
        Assert.Empty(a.Logs.AtLeast(LogLevel.Warning));
    }

    [Fact]
    public async Task Notify_NotAChange_IsIgnoredAndTheRelayGoesOnListening()
    {
        await using var database = await ScratchPostgres.CreateAsync();
        await using var a = await RelayInstance.StartAsync(database.ConnectionString);
        await using var b = await RelayInstance.StartAsync(database.ConnectionString);

        await database.ExecuteAsync($"NOTIFY {PostgresChangeRelay.Channel}, 'hello'");
        a.Notifier.Publish(Saved("ann@aideals.local", "Deal"));

        Assert.True(await b.NextAsync(Second));
        Assert.Equal("ann@aideals.local", Assert.Single(b.Heard).User);
        Assert.Contains(b.Logs.AtLeast(LogLevel.Warning), r => r.Message.Contains("not a change", StringComparison.Ordinal));
    }
}
