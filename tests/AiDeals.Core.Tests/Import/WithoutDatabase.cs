using AiDeals.Core.Data;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Accounts;
using AiDeals.Core.Features.Import;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Tests.Import;

/// <summary>An importer with no database behind it: it answers the files it refuses before opening one.</summary>
internal static class WithoutDatabase
{
    private static readonly Importer Importer = new(new NoContexts(), new CommandRunner(new NoContexts(), new ChangeNotifier()), new ImportOptions(), TimeProvider.System);

    /// <summary>The report of a file refused before any database is opened; null when the import needs one.</summary>
    public static Task<ImportReport?> CommitAsync(Actor actor, string fileName, byte[] content, CancellationToken cancellationToken) =>
        CommitAsync(actor, fileName, ImportFile.Of(content), cancellationToken);

    /// <summary>The report of a file refused before any database is opened; null when the import needs one.</summary>
    public static async Task<ImportReport?> CommitAsync(Actor actor, string fileName, ImportFile content, CancellationToken cancellationToken)
    {
        try
        {
            return await Importer.CommitAsync(actor, fileName, content, cancellationToken: cancellationToken);
        }
        catch (DatabaseNeededException)
        {
            return null;
        }
    }

    private sealed class NoContexts : IDbContextFactory<AiDealsDbContext>
    {
        public AiDealsDbContext CreateDbContext() => throw new DatabaseNeededException();
    }

    private sealed class DatabaseNeededException : Exception;
}
