using AiDeals.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Export;

/// <summary>
/// Every organization's name and every source's URL for a long export (see <see cref="ExportNames"/>), read on a
/// connection of its own while the first batches are read and written: the batches that come before the names use the
/// names of their own rows, so that the first rows of a download wait for no read of tens of thousands of names.
/// </summary>
internal sealed class ExportAllNames : IAsyncDisposable
{
    private readonly IDbContextFactory<AiDealsDbContext> _contexts;
    private readonly Action<string>? _observer;
    // The export's token, and ours to stop a read that the export no longer needs (it ended first).
    private readonly CancellationTokenSource _stop;
    private Task<ExportNames>? _reading;

    public ExportAllNames(IDbContextFactory<AiDealsDbContext> contexts, Action<string>? observer, CancellationToken cancellationToken)
    {
        _contexts = contexts;
        _observer = observer;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    }

    /// <summary>Starts reading the names, once (an export known to be long: more than a batch of rows).</summary>
    public void Start()
    {
        var token = _stop.Token;
        _reading ??= Task.Run(() => ReadAsync(token), token);
    }

    /// <summary>The names once read; null while they are read, or when they were never asked for.</summary>
    /// <exception cref="Exception">The read failed (or the export was canceled): what it threw.</exception>
    public ExportNames? Ready => _reading is { IsCompleted: true } reading ? reading.GetAwaiter().GetResult() : null;

    private async Task<ExportNames> ReadAsync(CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        return await ExportNames.ReadAsync(db.Database.GetDbConnection(), _observer, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_reading is not null)
        {
            await _stop.CancelAsync();
            await ((Task)_reading).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        _stop.Dispose();
    }
}
