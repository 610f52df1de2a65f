using System.Data.Common;
using AiDeals.Core.Features.Deals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AiDeals.Core.Data;

/// <summary>
/// Counts the noted wider deals' rests again (<see cref="UnionRests.KeepAsync"/>) as the last step of every transaction
/// the context commits: a command's save, a batch of them, an import. The rests are then never seen out of step with the
/// rows they are counted from. A save that ran without a transaction (a single statement) gets one afterwards.
/// </summary>
internal sealed class UnionRestsInterceptor : IDbTransactionInterceptor, ISaveChangesInterceptor
{
    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        UnionRests.KeepAsync(transaction.Connection!, transaction, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public async ValueTask<InterceptionResult> TransactionCommittingAsync(
        DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        await UnionRests.KeepAsync(transaction.Connection!, transaction, cancellationToken);
        return result;
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        KeepOutsideTransactionAsync(eventData.Context, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        await KeepOutsideTransactionAsync(eventData.Context, cancellationToken);
        return result;
    }

    private static async Task KeepOutsideTransactionAsync(DbContext? context, CancellationToken cancellationToken)
    {
        if (context is null || context.Database.CurrentTransaction is not null)
        {
            return;
        }

        await context.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (!await UnionRests.AnyPendingAsync(context.Database.GetDbConnection(), null, cancellationToken))
            {
                return;
            }

            // Committing runs TransactionCommittingAsync, which counts them.
            await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await context.Database.CloseConnectionAsync();
        }
    }
}
