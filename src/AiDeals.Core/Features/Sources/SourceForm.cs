using System.ComponentModel.DataAnnotations;
using AiDeals.Core.Domain;

namespace AiDeals.Core.Features.Sources;

/// <summary>What an analyst enters for a source (an article, a filing, a press release); <see cref="Id"/> is 0 for a new one.</summary>
public sealed class SourceForm : IEditForm
{
    public int Id { get; set; }

    /// <summary>The version the form was loaded at; a save against a newer one is a conflict.</summary>
    public int Version { get; set; }

    [Required(ErrorMessage = "Give the source a title.")]
    [PlainText]
    [TextLimit(SourceLimits.Title)]
    public string Title { get; set; } = string.Empty;

    [PlainText]
    [TextLimit(SourceLimits.Publisher)]
    public string? Publisher { get; set; }

    [HttpUrl]
    [PlainText]
    [TextLimit(SourceLimits.Url)]
    public string? Url { get; set; }

    public DateOnly? PublishedOn { get; set; }

    /// <summary>Why the change is made, written into the audit log (e.g. when saving over someone else's change).</summary>
    [PlainText]
    [TextLimit(AuditLimits.Reason)]
    public string? Reason { get; set; }
}
