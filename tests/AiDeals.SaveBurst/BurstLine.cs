using System.Globalization;

namespace AiDeals.SaveBurst;

/// <summary>
/// What the burst writes to stdout, one line each, and how the crash test reads it back: a save as
/// <c>saved Deal 12 3 value</c> (kind, id, version the save reported, the value it wrote).
/// </summary>
public sealed record BurstLine(string Kind, int Id, int Version, string Value)
{
    /// <summary>Written just before the database is opened, migrated and seeded: a kill soon after falls inside that.</summary>
    public const string Opening = "opening";

    public const string Ready = "ready";

    public const string Terminated = "terminated";

    private const string Saved = "saved";

    /// <summary>The analyst a round's saves are audited as, so that the test can tell the rounds apart.</summary>
    public static string UserOf(int round) => $"burst-{round.ToString(CultureInfo.InvariantCulture)}@aideals.test";

    public static BurstLine? Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var parts = line.Split('\t');
        return parts.Length == 5 && parts[0] == Saved
            && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            && int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? new BurstLine(parts[1], id, version, parts[4])
            : null;
    }

    public override string ToString() => string.Join('\t', Saved, Kind, Id.ToString(CultureInfo.InvariantCulture),
        Version.ToString(CultureInfo.InvariantCulture), Value);
}
