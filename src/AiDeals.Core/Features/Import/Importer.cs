using System.Globalization;
using AiDeals.Core.Data;
using AiDeals.Core.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Import;

/// <summary>
/// Imports a deal book or a deals CSV (told apart by content) through the editors' commands, as one batch: a preview
/// runs every command in a transaction that is rolled back, so it reports exactly what a commit would do; a commit
/// writes all of it, or nothing when any entry has a problem. Every audit entry carries the batch's label.
/// </summary>
public sealed class Importer(IDbContextFactory<AiDealsDbContext> contexts, CommandRunner runner, ImportOptions options, TimeProvider clock)
{
    public ImportOptions Options => options;

    /// <summary>What importing the file would do; nothing is written.</summary>
    public Task<ImportReport> PreviewAsync(Actor actor, string fileName, ImportFile file, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default) =>
        RunAsync(actor, fileName, file, commit: false, progress, cancellationToken);

    /// <summary>Imports the file, all or nothing, in one transaction.</summary>
    public Task<ImportReport> CommitAsync(Actor actor, string fileName, ImportFile file, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default) =>
        RunAsync(actor, fileName, file, commit: true, progress, cancellationToken);

    /// <summary>What importing the bytes would do; nothing is written.</summary>
    public Task<ImportReport> PreviewAsync(Actor actor, string fileName, byte[] content, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default) =>
        PreviewAsync(actor, fileName, ImportFile.Of(content), progress, cancellationToken);

    /// <summary>Imports the bytes, all or nothing, in one transaction.</summary>
    public Task<ImportReport> CommitAsync(Actor actor, string fileName, byte[] content, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default) =>
        CommitAsync(actor, fileName, ImportFile.Of(content), progress, cancellationToken);

    private async Task<ImportReport> RunAsync(
        Actor actor, string fileName, ImportFile file, bool commit, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(file);
        var name = Path.GetFileName(fileName ?? string.Empty) is { Length: > 0 } given ? given : "upload";
        var batch = string.Create(CultureInfo.InvariantCulture, $"Import of {name} ({clock.GetUtcNow().UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC)");
        if (batch.Length > Domain.AuditLimits.Batch)
        {
            batch = batch[..Domain.AuditLimits.Batch];
        }

        ImportReport Refused(ImportFormat? format, ImportProblem problem) =>
            new(name, format, new ImportCounts(0, 0, 0, 0), [], [problem], false, false, batch);

        if (!actor.CanEdit)
        {
            return Refused(null, ImportProblem.File("Only analysts may import."));
        }

        var (text, unreadable) = ImportText.Read(file, options);
        if (text is null)
        {
            return Refused(null, unreadable!);
        }

        var (source, malformed) = text.Format == ImportFormat.DealBook ? DealBookFile.Read(text, options) : DealCsvFile.Read(text, options);
        if (source is null)
        {
            return Refused(text.Format, malformed!);
        }

        ImportLookup lookup;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            lookup = await ImportLookup.ReadAsync(db, source.Book, cancellationToken);
        }

        var run = new ImportRun(source, lookup, options, progress);
        var result = await runner.RunBatchAsync(
            actor,
            new CommandBatch(batch, commit && source.Problems.Count == 0, MaxFailures: int.MaxValue)
            {
                OnResult = run.OnResult,
                Confirm = () => run.Problems.Count == 0,
                GroupSize = options.SaveGroup,
                Bulk = source.Entries >= options.BulkFrom,
            },
            run.Commands(),
            cancellationToken);
        var (counts, items) = run.Outcome();
        return new ImportReport(name, source.Format, counts, items, run.Problems.Take(options.MaxErrors).ToList(), run.StoppedAtMaxErrors, result.Committed, batch);
    }
}
