namespace AiDeals.Core.Data;

/// <summary>What a save changed: the entity types (e.g. "Deal", "DealParticipant") and when.</summary>
public sealed record DataChange(IReadOnlySet<string> EntityTypes, DateTime AtUtc, string User)
{
    public bool Touches(params string[] entityTypes) => entityTypes.Any(EntityTypes.Contains);
}

/// <summary>
/// Tells every open page on this server that data changed, right after the save commits, so pages refresh without a
/// reload. Subscribers must marshal to their own renderer (Blazor: <c>InvokeAsync</c>) and must not throw.
/// </summary>
public sealed class ChangeNotifier
{
    public event Action<DataChange>? Changed;

    public void Publish(DataChange change)
    {
        foreach (var handler in Changed?.GetInvocationList() ?? [])
        {
            try
            {
                ((Action<DataChange>)handler)(change);
            }
            catch (Exception)
            {
                // One broken page must not stop the others from hearing about the change, nor fail the save.
            }
        }
    }
}
