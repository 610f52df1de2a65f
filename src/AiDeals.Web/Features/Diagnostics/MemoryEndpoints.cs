using System.Diagnostics;

namespace AiDeals.Web.Features.Diagnostics;

/// <summary>
/// <c>GET /_dev/memory</c>, in Development only: the managed heap after a full, compacting collection and the process's
/// resident memory, so the memory an open circuit holds can be measured by opening pages and reading it again.
/// </summary>
public static class MemoryEndpoints
{
    public const string Path = "/_dev/memory";

    public static IEndpointRouteBuilder MapMemoryDiagnostics(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, () =>
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            using var process = Process.GetCurrentProcess();
            return Results.Ok(new { HeapBytes = GC.GetTotalMemory(forceFullCollection: false), WorkingSetBytes = process.WorkingSet64 });
        }).AllowAnonymous();
        return endpoints;
    }
}
