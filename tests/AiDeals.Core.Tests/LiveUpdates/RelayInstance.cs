using System.Collections.Concurrent;
using AiDeals.Core.Data;
using AiDeals.Core.Data.LiveUpdates;
using AiDeals.Core.Tests.Support;
using Microsoft.Extensions.Logging;

namespace AiDeals.Core.Tests.LiveUpdates;

/// <summary>One app instance's side of live updates: its notifier, its relay on the shared database, what its pages heard.</summary>
internal sealed class RelayInstance : IAsyncDisposable
{
    private readonly LoggerFactory _logging;
    private readonly ConcurrentQueue<DataChange> _heard = new();
    private readonly SemaphoreSlim _arrivals = new(0);
    private TaskCompletionSource _listening = NewSignal();

    private RelayInstance(string connectionString)
    {
        _logging = new LoggerFactory([Logs]);
        Relay = new PostgresChangeRelay(connectionString, Notifier, _logging.CreateLogger<PostgresChangeRelay>(), TimeProvider.System);
        Relay.Listening += () => _listening.TrySetResult();
        Notifier.Changed += change =>
        {
            _heard.Enqueue(change);
            _arrivals.Release();
        };
    }

    public ChangeNotifier Notifier { get; } = new();

    public PostgresChangeRelay Relay { get; }

    public LogCapture Logs { get; } = new();

    /// <summary>Every change this instance's pages heard, in order: its own saves and the others'.</summary>
    public IReadOnlyList<DataChange> Heard => [.. _heard];

    public static async Task<RelayInstance> StartAsync(string connectionString)
    {
        var instance = new RelayInstance(connectionString);
        await instance.Relay.StartAsync(TestContext.Current.CancellationToken);
        await instance.ListeningAsync();
        return instance;
    }

    /// <summary>Waits until the relay listens (again, after <see cref="ExpectReconnection"/>).</summary>
    public Task ListeningAsync() => _listening.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

    public void ExpectReconnection() => _listening = NewSignal();

    /// <summary>Waits for the next change this instance's pages hear, up to <paramref name="timeout"/>.</summary>
    public async Task<bool> NextAsync(TimeSpan timeout) => await _arrivals.WaitAsync(timeout, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Relay.StopAsync(CancellationToken.None);
        Relay.Dispose();
        _logging.Dispose();
        _arrivals.Dispose();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
