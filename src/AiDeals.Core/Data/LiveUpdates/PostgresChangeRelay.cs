using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AiDeals.Core.Data.LiveUpdates;

/// <summary>
/// Carries live updates between app instances on one PostgreSQL database: each save of this instance is sent with
/// <c>NOTIFY</c>, and one dedicated connection <c>LISTEN</c>s for the others' saves, which it raises on this instance's
/// <see cref="ChangeNotifier"/>. A lost connection is opened again with a growing wait; on return, every page reloads
/// once, because saves made meanwhile were not heard.
/// </summary>
public sealed partial class PostgresChangeRelay : BackgroundService
{
    /// <summary>The one channel every instance of the app uses on its database.</summary>
    public const string Channel = "aideals_changes";

    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(30);

    private readonly NpgsqlDataSource _senders;
    private readonly NpgsqlDataSource _listener;
    private readonly ChangeNotifier _notifier;
    private readonly ILogger<PostgresChangeRelay> _logger;
    private readonly TimeProvider _clock;
    private readonly Channel<DataChange> _outbox = System.Threading.Channels.Channel.CreateUnbounded<DataChange>(
        new UnboundedChannelOptions { SingleReader = true });

    public PostgresChangeRelay(string connectionString, ChangeNotifier notifier, ILogger<PostgresChangeRelay> logger, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(notifier);
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = "AiDeals live updates" };
        _senders = NpgsqlDataSource.Create(builder.ConnectionString);

        // Not pooled: the LISTEN lives and dies with its connection. The keepalive query wakes the wait every 15 s, so a
        // server that vanished without closing the socket is noticed instead of waited on forever.
        builder.Pooling = false;
        builder.KeepAlive = builder.KeepAlive > 0 ? builder.KeepAlive : 15;
        _listener = NpgsqlDataSource.Create(builder.ConnectionString);

        _notifier = notifier;
        _logger = logger;
        _clock = clock;
        notifier.SavedHere += Send;
    }

    /// <summary>Tells this instance's messages from the others' on the shared channel.</summary>
    public Guid InstanceId { get; } = Guid.NewGuid();

    /// <summary>Raised each time the listening connection is open and listening (at start and after each reconnection).</summary>
    internal event Action? Listening;

    // Called on the saving thread: queue and return, so a save never waits on the network.
    private void Send(DataChange change) => _outbox.Writer.TryWrite(change);

    /// <summary>
    /// Sends one change to every instance listening on the database, from a process that runs no relay (the command line
    /// after a write): the same message an instance sends, from an instance id of its own, so every instance refreshes.
    /// </summary>
    public static async Task AnnounceAsync(string connectionString, DataChange change, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT pg_notify($1, $2)", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = Channel });
        command.Parameters.Add(new NpgsqlParameter { Value = ChangeMessage.Encode(Guid.NewGuid(), change) });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(ListenAsync(stoppingToken), SendAllAsync(stoppingToken));

    private async Task SendAllAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var change in _outbox.Reader.ReadAllAsync(stoppingToken))
            {
                await SendAsync(change, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the changes still queued concern pages that are closing too.
        }
    }

    private async Task SendAsync(DataChange change, CancellationToken stoppingToken)
    {
        try
        {
            // NOTIFY's channel and payload cannot be parameters; pg_notify takes them as values.
            await using var command = _senders.CreateCommand("SELECT pg_notify($1, $2)");
            command.Parameters.Add(new NpgsqlParameter { Value = Channel });
            command.Parameters.Add(new NpgsqlParameter { Value = ChangeMessage.Encode(InstanceId, change) });
            await command.ExecuteNonQueryAsync(stoppingToken);
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            // The save is committed; only the other instances' pages miss this refresh (they reload on their next change).
            LogNotSent(exception, string.Join(", ", change.EntityTypes));
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        var wasListening = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await _listener.OpenConnectionAsync(stoppingToken);
                connection.Notification += OnNotification;
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                if (wasListening)
                {
                    LogListeningAgain(failures);
                    _notifier.PublishFromElsewhere(DataChange.Anything(_clock.GetUtcNow().UtcDateTime));
                }

                failures = 0;
                wasListening = true;
                Listening?.Invoke();
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                failures++;
                var wait = Wait(failures);
                LogConnectionLost(exception, failures, wait.TotalSeconds);
                try
                {
                    await Task.Delay(wait, _clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs notification)
    {
        if (ChangeMessage.TryDecode(notification.Payload) is not { } message)
        {
            LogUnreadable(notification.Payload.Length);
            return;
        }

        if (message.From != InstanceId)
        {
            _notifier.PublishFromElsewhere(message.ToChange());
        }
    }

    /// <summary>0.5 s, 1 s, 2 s, ... up to 30 s between attempts.</summary>
    internal static TimeSpan Wait(int failures) =>
        TimeSpan.FromMilliseconds(Math.Min(LongestRetry.TotalMilliseconds, FirstRetry.TotalMilliseconds * Math.Pow(2, Math.Min(failures - 1, 16))));

    public override void Dispose()
    {
        _notifier.SavedHere -= Send;
        _outbox.Writer.TryComplete();
        base.Dispose();
        _senders.Dispose();
        _listener.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live updates: could not tell the other instances about a save of {EntityTypes}")]
    private partial void LogNotSent(Exception exception, string entityTypes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live updates: lost the connection that listens for other instances' saves (attempt {Failures}); trying again in {Seconds} s")]
    private partial void LogConnectionLost(Exception exception, int failures, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Live updates: listening for other instances' saves again after {Failures} failed attempt(s); every open page reloads once")]
    private partial void LogListeningAgain(int failures);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live updates: ignored a message of {Length} characters on the channel that is not a change")]
    private partial void LogUnreadable(int length);
}
