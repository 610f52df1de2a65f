using System.Linq.Expressions;
using AiDeals.Core.Domain;

namespace AiDeals.Core.Features.Citations;

/// <summary>A verbatim quote and the source it comes from.</summary>
public sealed record CitationView(
    int Id,
    string Quote,
    string SourceTitle,
    string? Publisher,
    string? Url,
    DateOnly? PublishedOn);

internal static class CitationProjection
{
    /// <summary>Translated to SQL, so every page that shows evidence reads it the same way.</summary>
    public static readonly Expression<Func<Citation, CitationView>> ToView = c => new CitationView(
        c.Id,
        c.Quote,
        c.Source!.Title,
        c.Source.Publisher,
        c.Source.Url,
        c.Source.PublishedOn);
}
