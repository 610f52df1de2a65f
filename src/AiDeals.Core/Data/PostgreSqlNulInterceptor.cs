using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AiDeals.Core.Data;

/// <summary>
/// PostgreSQL's text cannot hold U+0000 and refuses a whole statement whose text parameter has one (22021), where SQLite
/// compares it like any other character. No stored value holds one (the form rules refuse control characters), so it
/// can only come from a filter or lookup typed or crafted into an address (<c>/deals?investor=%00</c>): such a parameter
/// is sent with each U+0000 as U+FFFD, and matches what it matched on SQLite, nothing, instead of failing the page.
/// </summary>
public sealed class PostgreSqlNulInterceptor : DbCommandInterceptor
{
    private const char Nul = '\0';
    private const char Replacement = '\uFFFD';

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        ReplaceNul(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        ReplaceNul(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        ReplaceNul(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        ReplaceNul(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        ReplaceNul(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ReplaceNul(command);
        return ValueTask.FromResult(result);
    }

    /// <summary>The same for a command built by hand on the context's connection, which EF's interceptors do not see.</summary>
    public static void ReplaceNul(DbCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (DbParameter parameter in command.Parameters)
        {
            // A text, or a list of texts (an "= ANY (@wanted)" lookup); a parameter without U+0000 is left as it is.
            switch (parameter.Value)
            {
                case string text when text.Contains(Nul, StringComparison.Ordinal):
                    parameter.Value = text.Replace(Nul, Replacement);
                    break;
                case IEnumerable<string?> texts when texts.Any(t => t is not null && t.Contains(Nul, StringComparison.Ordinal)):
                    parameter.Value = texts.Select(t => t?.Replace(Nul, Replacement)).ToArray();
                    break;
            }
        }
    }
}
