using System.ComponentModel.DataAnnotations;
using AiDeals.Core.Domain;
using AiDeals.Core.Features.Intake;

namespace AiDeals.Web.Features.Intake;

/// <summary>The article as the analyst gives it: its text and what its source will say.</summary>
public sealed class ArticleForm
{
    /// <summary>The longest article read, in characters (a long feature is ~40,000).</summary>
    public const int MaxText = 100_000;

    [Required(ErrorMessage = "Paste the article's text or upload it.")]
    [MaxLength(MaxText, ErrorMessage = "An article can be at most 100,000 characters; paste the part with the deals.")]
    public string Text { get; set; } = string.Empty;

    [Required(ErrorMessage = "Give the article's title.")]
    [MaxLength(SourceLimits.Title, ErrorMessage = "A title can be at most 500 characters.")]
    public string Title { get; set; } = string.Empty;

    [MaxLength(SourceLimits.Publisher, ErrorMessage = "A publisher can be at most 200 characters.")]
    public string? Publisher { get; set; }

    [Url(ErrorMessage = "Give the address as http(s)://…")]
    [MaxLength(SourceLimits.Url, ErrorMessage = "An address can be at most 2,048 characters.")]
    public string? Url { get; set; }

    [Required(ErrorMessage = "Give the day the article was published: relative dates (\"recently\") are read from it.")]
    public DateTime? PublishedOn { get; set; }

    public IntakeArticle ToArticle() =>
        new(Text, Title.Trim(), string.IsNullOrWhiteSpace(Publisher) ? null : Publisher.Trim(), string.IsNullOrWhiteSpace(Url) ? null : Url.Trim(), DateOnly.FromDateTime(PublishedOn ?? DateTime.UtcNow));
}
