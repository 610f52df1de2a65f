using System.Diagnostics;
using System.Globalization;

namespace AiDeals.Benchmarks;

/// <summary>
/// The app as people run it, in a process of its own (Kestrel on a loopback port, Development settings: anonymous read,
/// the database given), built beside the bench in the same configuration. Its start, to a healthy <c>/health</c>, is
/// timed: the cold start on this database.
/// </summary>
internal sealed class AppServer : IAsyncDisposable
{
    private readonly Process _process;

    private AppServer(Process process, Uri baseAddress, TimeSpan coldStart)
    {
        _process = process;
        BaseAddress = baseAddress;
        ColdStart = coldStart;
    }

    public Uri BaseAddress { get; }

    /// <summary>From the process start to the first healthy <c>/health</c>.</summary>
    public TimeSpan ColdStart { get; }

    /// <summary>The app's process (started with <c>exec</c>, so it is the app itself), for the heap and memory tools.</summary>
    public int ProcessId => _process.Id;

    public static async Task<AppServer> StartAsync(string databasePath, int port, string logFolder)
    {
        var (webDll, contentRoot) = LocateWebApp();
        var baseAddress = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/"));
        Directory.CreateDirectory(logFolder);
        var start = new ProcessStartInfo("/bin/sh")
        {
            WorkingDirectory = contentRoot,
            UseShellExecute = false,
        };

        // exec: the process started is the app itself, so that ending it ends the app. Its output goes to a file.
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec dotnet \"$0\" --urls \"$1\" >\"$2\" 2>&1");
        start.ArgumentList.Add(webDll);
        start.ArgumentList.Add(baseAddress.ToString().TrimEnd('/'));
        start.ArgumentList.Add(Path.Combine(logFolder, "app-console.log"));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ConnectionStrings__AiDeals"] = "Data Source=" + databasePath;
        start.Environment["Logs__Folder"] = logFolder;

        var clock = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException("The app did not start.");
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
        while (clock.Elapsed < TimeSpan.FromMinutes(3))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {process.ExitCode}: see {Path.Combine(logFolder, "app-console.log")}.");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("health", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return new AppServer(process, baseAddress, clock.Elapsed);
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(50);
        }

        process.Kill(entireProcessTree: true);
        throw new TimeoutException($"The app was not healthy at {baseAddress} within 3 minutes.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    /// <summary>The web app's build output in the bench's configuration, and its project folder (the content root).</summary>
    private static (string Dll, string ContentRoot) LocateWebApp()
    {
        // …/tests/AiDeals.Benchmarks/bin/<configuration>/<framework>/
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = output.Name;
        var configuration = output.Parent!.Name;
        var root = output;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "AiDeals.sln")))
        {
            root = root.Parent;
        }

        if (root is null)
        {
            throw new InvalidOperationException("The bench runs from its build output inside the repository (AiDeals.sln not found above it).");
        }

        var contentRoot = Path.Combine(root.FullName, "src", "AiDeals.Web");
        var dll = Path.Combine(contentRoot, "bin", configuration, framework, "AiDeals.Web.dll");
        return File.Exists(dll) ? (dll, contentRoot) : throw new FileNotFoundException("The web app is not built: " + dll, dll);
    }
}
