namespace AiDeals.Core.Data;

/// <summary>What a save changed: the entity types (e.g. "Deal", "DealParticipant") and when.</summary>
public sealed record DataChange(IReadOnlySet<string> EntityTypes, DateTime AtUtc, string User)
{
    /// <summary>
    /// What changed is not known: changes may have been missed while this instance could not hear the others, or a
    /// message was too large to say. Every page that shows data reloads.
    /// </summary>
    public bool Unknown { get; init; }

    public bool Touches(params string[] entityTypes) => Unknown || entityTypes.Any(EntityTypes.Contains);

    /// <summary>Anything may have changed, by someone unknown (<see cref="User"/> is empty).</summary>
    public static DataChange Anything(DateTime atUtc) => new(new HashSet<string>(StringComparer.Ordinal), atUtc, "") { Unknown = true };
}

/// <summary>
/// Tells every open page on this server that data changed, right after the save commits, so pages refresh without a
/// reload. Subscribers must marshal to their own renderer (Blazor: <c>InvokeAsync</c>) and must not throw.
/// With several instances on one PostgreSQL database, <see cref="LiveUpdates.PostgresChangeRelay"/> sends this instance's saves to the
/// others and raises theirs here.
/// </summary>
public sealed class ChangeNotifier
{
    /// <summary>Every change, saved here or on another instance: what pages listen to.</summary>
    public event Action<DataChange>? Changed;

    /// <summary>Only the changes saved on this instance: what a relay sends to the other instances.</summary>
    public event Action<DataChange>? SavedHere;

    /// <summary>A save of this instance committed.</summary>
    public void Publish(DataChange change)
    {
        Raise(Changed, change);
        Raise(SavedHere, change);
    }

    /// <summary>Another instance committed a save: pages hear it, and no relay sends it on (no echo, no loop).</summary>
    public void PublishFromElsewhere(DataChange change) => Raise(Changed, change);

    private static void Raise(Action<DataChange>? listeners, DataChange change)
    {
        foreach (var handler in listeners?.GetInvocationList() ?? [])
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
