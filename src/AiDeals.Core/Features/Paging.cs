namespace AiDeals.Core.Features;

/// <summary>A page of a list: zero-based page number and page size.</summary>
public sealed record PageRequest(int Page = 0, int PageSize = 25)
{
    public const int MaxPageSize = 500;

    /// <summary>The rows before this page; a page past any table's end (page 2147483647) skips everything rather than overflowing.</summary>
    public int Skip => (int)Math.Min(int.MaxValue, (long)Math.Max(0, Page) * Take);

    public int Take => Math.Clamp(PageSize, 1, MaxPageSize);
}

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int TotalCount);
