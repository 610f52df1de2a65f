using System.ComponentModel.DataAnnotations;

namespace AiDeals.Core.Features.SavedViews;

/// <summary>A view to save or rename: its name, the deal list's query string, and whether the team sees it.</summary>
public sealed class SavedViewForm
{
    [Required(ErrorMessage = "Give the view a name.")]
    [TextLimit(SavedViewLimits.Name)]
    [PlainText]
    public string Name { get; set; } = string.Empty;

    /// <summary>The deal list's query string ("?status=InTalks&amp;sort=amount"), empty for the list as it opens.</summary>
    [TextLimit(SavedViewLimits.Query)]
    [PlainText]
    public string Query { get; set; } = string.Empty;

    public bool IsShared { get; set; }
}
