using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace AiDeals.Core.Tests.Support;

/// <summary>Keeps every log entry at <see cref="LogLevel.Debug"/> or above: its level, category, event and message.</summary>
internal sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<LogRecord> _records = new();

    public IReadOnlyList<LogRecord> Records => [.. _records];

    /// <summary>The entries at <paramref name="level"/> or above.</summary>
    public IReadOnlyList<LogRecord> AtLeast(LogLevel level) => [.. _records.Where(r => r.Level >= level)];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                capture._records.Enqueue(new LogRecord(logLevel, category, eventId.Name, formatter(state, exception)));
            }
        }
    }
}

internal sealed record LogRecord(LogLevel Level, string Category, string? EventName, string Message)
{
    public override string ToString() => $"{Level} {Category} {EventName}: {Message}";
}
