using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace AiDeals.E2E.Tests.Infrastructure;

/// <summary>
/// The app as a deployment runs it: its own <c>dotnet AiDeals.Web.dll</c> process on a loopback port, with the settings
/// given, its own home folder (so nothing is shared with another instance through the machine's files: a data-protection
/// key folder, for one) and its own log folder. Stopped and its folder deleted on dispose.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private readonly Process _process;
    private readonly StringBuilder _console = new();
    private readonly string _folder;

    private AppProcess(Process process, string folder, Uri baseAddress)
    {
        _process = process;
        _folder = folder;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>What the process wrote to its console so far (for a failure's message).</summary>
    public string Console
    {
        get
        {
            lock (_console)
            {
                return _console.ToString();
            }
        }
    }

    /// <summary>The app built beside the tests' own: src/AiDeals.Web/bin/{configuration}/{framework}/.</summary>
    private static string AppFolder
    {
        get
        {
            var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var framework = output.Name;
            var configuration = output.Parent!.Name;
            var repository = output.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
            return Path.Combine(repository, "src", "AiDeals.Web", "bin", configuration, framework);
        }
    }

    private static string ContentRoot => Path.GetFullPath(Path.Combine(AppFolder, "..", "..", ".."));

    private static string DotnetHost { get; } = Path.GetFullPath(Path.Combine(
        RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", "..", OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet"));

    /// <summary>Starts the app with <paramref name="settings"/> (as environment variables) and waits until /health answers.</summary>
    public static async Task<AppProcess> StartAsync(string name, IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"aideals-{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(folder, "home"));
        var port = FreePort();
        var start = new ProcessStartInfo(DotnetHost)
        {
            WorkingDirectory = ContentRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Combine(AppFolder, "AiDeals.Web.dll"), "--urls", $"http://127.0.0.1:{port}", "--contentRoot", ContentRoot })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["HOME"] = Path.Combine(folder, "home");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Logs__Folder"] = Path.Combine(folder, "logs");
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {DotnetHost}.");
        var app = new AppProcess(process, folder, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, line) => app.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => app.Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await app.WaitUntilHealthyAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return app;
    }

    private async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app stopped (exit code {_process.ExitCode}):\n{Console}");
            }

            try
            {
                if ((await http.GetAsync(new Uri("health", UriKind.Relative), cancellationToken)).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Listening but still starting.
            }

            await Task.Delay(250, cancellationToken);
        }

        throw new TimeoutException($"The app did not answer /health within {Patience.TotalSeconds} s:\n{Console}");
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            lock (_console)
            {
                _console.AppendLine(line);
            }
        }
    }

    // Asked of the system, then released for the app: a race with another program is possible but far-fetched on loopback.
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
