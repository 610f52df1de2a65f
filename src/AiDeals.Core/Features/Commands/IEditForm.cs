namespace AiDeals.Core.Features;

/// <summary>
/// What every editor's form has besides its fields: which record (<see cref="Id"/>, 0 for a new one), the version it was
/// loaded at, and the reason the history records. A merge after a conflict moves a form onto the version saved meanwhile.
/// </summary>
public interface IEditForm
{
    int Id { get; }

    int Version { get; set; }

    string? Reason { get; set; }
}
