using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace AiDeals.Core.Tests.Support;

/// <summary>
/// Keeps what EF Core logs: the SQL it sends, and any warning (such as a query it could not translate), so a test can
/// check that an aggregate runs in the database rather than in memory.
/// </summary>
internal sealed class SqlLog : ILoggerProvider
{
    private const string CommandCategory = "Microsoft.EntityFrameworkCore.Database.Command";
    private const string QueryCategory = "Microsoft.EntityFrameworkCore.Query";

    private readonly ConcurrentQueue<string> _commands = new();
    private readonly ConcurrentQueue<string> _warnings = new();

    /// <summary>The text of each command executed, in order.</summary>
    public IReadOnlyList<string> Commands => _commands.ToList();

    /// <summary>Every warning or error EF Core logged while translating a query.</summary>
    public IReadOnlyList<string> Warnings => _warnings.ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(SqlLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            if (logLevel >= LogLevel.Warning && category == QueryCategory)
            {
                log._warnings.Enqueue($"{eventId.Name}: {formatter(state, exception)}");
            }
            else if (category == CommandCategory && eventId.Name?.EndsWith("CommandExecuted", StringComparison.Ordinal) == true)
            {
                log._commands.Enqueue(formatter(state, exception));
            }
        }
    }
}
