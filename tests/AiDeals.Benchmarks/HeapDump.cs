using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace AiDeals.Benchmarks;

/// <summary>
/// The managed heap of another process by type, as <c>dotnet-gcdump</c> sees it after the full collection it induces:
/// the heap's total (exact) and, per type (large objects in their own size bucket, "(Bytes &gt; 10K)"), the count and
/// the bytes. The report gives one object's size per type, so a type's bytes are that size times the count: exact for
/// objects of a fixed size, an estimate for arrays and strings (whose sizes vary within a bucket).
/// </summary>
internal sealed partial record HeapDump(long Bytes, IReadOnlyDictionary<string, (long Bytes, long Count)> Types)
{
    private const string Tool = "dotnet-gcdump";

    /// <summary>Objects of these types, whatever their size bucket.</summary>
    public long CountOf(params string[] types) =>
        Types.Where(t => types.Contains(Bare(t.Key))).Sum(t => t.Value.Count);

    /// <summary>Collects a dump of the process (a full GC first) into <paramref name="path"/> and reads its report.</summary>
    public static async Task<HeapDump> CollectAsync(int processId, string path)
    {
        File.Delete(path);
        await RunAsync("collect", "-p", processId.ToString(CultureInfo.InvariantCulture), "-o", path);
        return Parse(await RunAsync("report", path));
    }

    /// <summary>The types whose bytes grew the most from <paramref name="before"/> to this dump.</summary>
    public IEnumerable<(string Type, long Bytes, long Count)> GrowthSince(HeapDump before) =>
        Types.Keys.Union(before.Types.Keys)
            .Select(type =>
            {
                var now = Types.GetValueOrDefault(type);
                var then = before.Types.GetValueOrDefault(type);
                return (Type: type, Bytes: now.Bytes - then.Bytes, Count: now.Count - then.Count);
            })
            .OrderByDescending(t => t.Bytes);

    // "     11,102,152  GC Heap bytes", then "   Object Bytes     Count  Type" and a row per type and size bucket.
    internal static HeapDump Parse(string report)
    {
        long total = 0;
        var types = new Dictionary<string, (long Bytes, long Count)>(StringComparer.Ordinal);
        foreach (var line in report.Split('\n'))
        {
            if (TotalLine().Match(line) is { Success: true } totalMatch)
            {
                total = Number(totalMatch.Groups["bytes"].Value);
            }
            else if (TypeLine().Match(line) is { Success: true } row)
            {
                var type = row.Groups["type"].Value.Trim();
                var (bytes, count) = types.GetValueOrDefault(type);
                // The report gives the size of one object of the row's type, not the row's total.
                var rowCount = Number(row.Groups["count"].Value);
                types[type] = (bytes + (Number(row.Groups["size"].Value) * rowCount), count + rowCount);
            }
        }

        return total > 0 ? new HeapDump(total, types) : throw new InvalidOperationException("No heap total in the report:\n" + report);
    }

    /// <summary>The type's name without its assembly and size bucket.</summary>
    public static string Bare(string type)
    {
        var name = type;
        var assembly = name.LastIndexOf("  [", StringComparison.Ordinal);
        name = assembly > 0 ? name[..assembly] : name;
        var bucket = name.LastIndexOf(" (Bytes > ", StringComparison.Ordinal);
        return (bucket > 0 ? name[..bucket] : name).Trim();
    }

    private static long Number(string text) => long.Parse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    private static async Task<string> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Locate()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{Tool} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0
            ? await output
            : throw new InvalidOperationException($"{Tool} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await error}{await output}");
    }

    // On the PATH, or where `dotnet tool install -g` puts it.
    private static string Locate()
    {
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Append(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools"));
        return folders.Select(folder => Path.Combine(folder, Tool)).FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"{Tool} is not installed: dotnet tool install -g {Tool}");
    }

    [GeneratedRegex(@"^\s*(?<bytes>[\d,]+)\s+GC Heap bytes")]
    private static partial Regex TotalLine();

    [GeneratedRegex(@"^\s*(?<size>[\d,]+)\s+(?<count>[\d,]+)\s+(?<type>\S.*)$")]
    private static partial Regex TypeLine();
}
