using System.Runtime.CompilerServices;

namespace AiDeals.Web.Tests.Support;

/// <summary>
/// bUnit's synchronous waits block a thread-pool thread each; with the three test projects running at once on a
/// two-core machine the pool grew too slowly and a wait could time out before its check ever ran. More threads from
/// the start keep the renderer's dispatcher running. And a wait gives a busy machine ten seconds, not bUnit's one:
/// a check that passes returns at once, so only a failing one waits the longer time.
/// </summary>
internal static class ThreadPoolSetup
{
    [ModuleInitializer]
    internal static void RaiseMinThreads()
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, Environment.ProcessorCount * 8), io);
        Bunit.BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(10);
    }
}
