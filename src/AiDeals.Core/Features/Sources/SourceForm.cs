using System.ComponentModel.DataAnnotations;

namespace AiDeals.Core.Features.Sources;

/// <summary>What an analyst enters for a source (an article, a filing, a press release); <see cref="Id"/> is 0 for a new one.</summary>
public sealed class SourceForm : IEditForm
{
    public int Id { get; set; }

    /// <summary>The version the form was loaded at; a save against a newer one is a conflict.</summary>
    public int Version { get; set; }

    [Required(ErrorMessage = "Give the source a title.")]
    [StringLength(500, ErrorMessage = "Keep the title to 500 characters.")]
    public string Title { get; set; } = string.Empty;

    [StringLength(200, ErrorMessage = "Keep the publisher to 200 characters.")]
    public string? Publisher { get; set; }

    [HttpUrl]
    [StringLength(2048, ErrorMessage = "Keep the web address to 2048 characters.")]
    public string? Url { get; set; }

    public DateOnly? PublishedOn { get; set; }

    /// <summary>Why the change is made, written into the audit log (e.g. when saving over someone else's change).</summary>
    [StringLength(1000, ErrorMessage = "Keep the reason to 1000 characters.")]
    public string? Reason { get; set; }
}
