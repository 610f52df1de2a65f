namespace AiDeals.Core.Features.Sources;

public enum SourceSortField
{
    PublishedOn,
    Title,
    Publisher,
    Citations,
}

/// <summary>How the sources page sorts, and an optional text to find in the title or publisher.</summary>
public sealed record SourceQuery(SourceSortField Sort = SourceSortField.PublishedOn, bool Descending = true, string? Search = null);

/// <summary>One row of the sources page: the source and how many live citations use it.</summary>
public sealed record SourceSummary(int Id, int Version, string Title, string? Publisher, string? Url, DateOnly? PublishedOn, int CitationCount);
