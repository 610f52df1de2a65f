using AiDeals.Core.Features.Deals;

namespace AiDeals.Core.Tests.Support;

/// <summary>The list's first pages as its "next" link reads them: each page after the last one's cursor.</summary>
internal static class KeysetPages
{
    /// <summary>The ids of the first <paramref name="pages"/> pages, in order.</summary>
    public static async Task<List<int>> IdsAsync(DealQueries deals, DealFilter filter, int pages)
    {
        var ids = new List<int>();
        var request = new DealPageRequest();
        for (var i = 0; i < pages; i++)
        {
            var page = await deals.SearchAsync(filter, request, TestContext.Current.CancellationToken);
            ids.AddRange(page.Items.Select(d => d.Id));
            request = new DealPageRequest { After = page.Next };
        }

        return ids;
    }
}
