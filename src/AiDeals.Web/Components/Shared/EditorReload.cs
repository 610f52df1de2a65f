namespace AiDeals.Web.Components.Shared;

/// <summary>
/// "Reload theirs", handed to the page that loads the record as it is saved now into a new form; the page sets
/// <see cref="Gone"/> when the record was deleted meanwhile, and keeps the analyst's form.
/// </summary>
public sealed class EditorReload
{
    public bool Gone { get; set; }
}
