using System.Globalization;
using AiDeals.Core.Features.Import;
using AiDeals.Web.Features.Accounts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;

namespace AiDeals.Web.Features.Import;

/// <summary>
/// The Import page: choose a file, see its preview (what would be created, updated, left alone, and every problem at its
/// line), then commit it. Preview and commit run off the circuit's thread and report their progress, so the page
/// stays responsive on a file of 100,000 rows. Between the two the file waits in a temporary file that only this
/// process's user can read (a deal book of 100,000 deals is 82 MB: too much to hold per circuit), deleted when the file
/// is committed, cleared or replaced, or the page is left.
/// </summary>
public sealed partial class ImportPage : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private ImportFile? _content;
    private string? _spooled;
    private string? _fileName;
    private string? _stage;
    private ImportProgress? _progress;
    private UploadProgress? _upload;
    private ImportReport? _report;
    private DateTime _lastRender;

    [Inject]
    private Importer Importer { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthState { get; set; }

    private const int UploadBuffer = 256 * 1024;

    private bool Busy => _stage is not null;

    private int Percent => _upload?.Percent ?? _progress?.Percent ?? 0;

    private string Megabytes => (Importer.Options.MaxBytes / 1024d / 1024d).ToString("0.#", CultureInfo.InvariantCulture) + " MB";

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
        Discard();
    }

    private async Task OnFileChosenAsync(InputFileChangeEventArgs e)
    {
        var file = e.File;
        Discard();
        (_fileName, _report, _progress) = (file.Name, null, null);
        if (file.Size > Importer.Options.MaxBytes)
        {
            _report = Refused(file.Name, $"The file is {file.Size / 1024d / 1024d:0.#} MB; an import takes at most {Megabytes}. Split it into smaller files.");
            return;
        }

        _stage = "Uploading";
        StateHasChanged();
        _spooled = Path.Combine(Path.GetTempPath(), $"aideals-import-{Guid.NewGuid():N}.upload");
        _upload = new UploadProgress(0, file.Size);
        await using (var stream = file.OpenReadStream(Importer.Options.MaxBytes, _stop.Token))
        await using (var spool = new FileStream(_spooled, SpoolOptions))
        {
            // The browser sends the file over the circuit in chunks of under 50 KB, each waiting for the server's answer:
            // on a busy server a large file takes minutes, so the page shows how much has arrived.
            var buffer = new byte[UploadBuffer];
            int read;
            while ((read = await stream.ReadAsync(buffer, _stop.Token)) > 0)
            {
                await spool.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
                _upload = _upload with { Received = _upload.Received + read };
                if (DateTime.UtcNow - _lastRender > TimeSpan.FromMilliseconds(500))
                {
                    _lastRender = DateTime.UtcNow;
                    StateHasChanged();
                }
            }
        }

        _upload = null;

        var content = _content = ImportFile.AtPath(_spooled);
        await RunAsync("Checking", (actor, progress) => Importer.PreviewAsync(actor, file.Name, content, progress, _stop.Token));
    }

    private Task CommitAsync() => _content is { } content && _fileName is { } name
        ? RunAsync("Importing", (actor, progress) => Importer.CommitAsync(actor, name, content, progress, _stop.Token))
        : Task.CompletedTask;

    private async Task RunAsync(string stage, Func<Core.Features.Accounts.Actor, IProgress<ImportProgress>, Task<ImportReport>> work)
    {
        (_stage, _progress) = (stage, null);
        StateHasChanged();
        var actor = await AuthState.GetActorAsync();
        var progress = new Progress<ImportProgress>(Report);
        try
        {
            // Off the circuit's thread: the renderer keeps answering while 100,000 rows are checked.
            _report = await Task.Run(() => work(actor, progress), _stop.Token);
        }
        finally
        {
            _stage = null;
        }

        if (_report.Committed)
        {
            Discard();
        }
    }

    private void Report(ImportProgress progress)
    {
        _progress = progress;
        if (DateTime.UtcNow - _lastRender > TimeSpan.FromMilliseconds(200) || progress.Done == progress.Total)
        {
            _lastRender = DateTime.UtcNow;
            _ = InvokeAsync(StateHasChanged);
        }
    }

    private void Clear()
    {
        Discard();
        (_report, _fileName) = (null, null);
    }

    /// <summary>How much of the chosen file has reached the server.</summary>
    private sealed record UploadProgress(long Received, long Total)
    {
        public int Percent => Total == 0 ? 100 : (int)(100 * Received / Total);

        public string Text => string.Create(CultureInfo.InvariantCulture, $"{Received / 1048576d:0.0} of {Total / 1048576d:0.0} MB received");
    }

    private static FileStreamOptions SpoolOptions
    {
        get
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.Asynchronous };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            return options;
        }
    }

    /// <summary>Deletes the spooled upload, if any.</summary>
    private void Discard()
    {
        _content = null;
        if (_spooled is { } path)
        {
            _spooled = null;
            File.Delete(path);
        }
    }

    private static ImportReport Refused(string name, string message) =>
        new(name, null, new ImportCounts(0, 0, 0, 0), [], [ImportProblem.File(message)], false, false, string.Empty);
}
