using AiDeals.Core.Domain;

namespace AiDeals.Core.Features.SavedViews;

/// <summary>
/// A view of the deal list kept under a name: its address's query string (filters and sort), private to its owner or
/// shared with the team. Soft-deleted like every edited row, so the history can tell what was there.
/// </summary>
public class SavedView : EditableEntity
{
    /// <summary>The owner's user name, as the audit log writes it.</summary>
    public required string Owner { get; set; }

    /// <summary>Unique among the owner's live views, case-insensitively.</summary>
    public required string Name { get; set; }

    /// <summary>The deal list's query string, "?…", or empty for the list as it opens.</summary>
    public required string Query { get; set; }

    /// <summary>Listed for every analyst, not only the owner.</summary>
    public bool IsShared { get; set; }
}

/// <summary>Lengths shared by the columns and the form.</summary>
public static class SavedViewLimits
{
    public const int Name = 100;

    /// <summary>Longer than any view the filters write (50 slugs per key at most), short enough for every address bar.</summary>
    public const int Query = 4000;

    /// <summary>Views one analyst may keep: a menu longer than this is no help.</summary>
    public const int PerOwner = 100;
}
