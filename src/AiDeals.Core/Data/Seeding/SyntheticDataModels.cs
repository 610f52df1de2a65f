namespace AiDeals.Core.Data.Seeding;

/// <summary>What to generate: <see cref="Deals"/> deals over <see cref="Organizations"/> organizations, the same rows for the same <see cref="Seed"/>.</summary>
public sealed record SyntheticDataOptions(int Deals, int Organizations, int Seed)
{
    /// <summary>Deals that report their progress, as the command line prints it.</summary>
    public const int ProgressEvery = 100_000;

    /// <summary>Deals (with their parts) written in one transaction.</summary>
    public int DealsPerTransaction { get; init; } = 25_000;

    /// <summary>One organization per 20 deals (50,000 for a million), at least ten.</summary>
    public static int DefaultOrganizations(int deals) => Math.Max(10, deals / 20);
}

/// <summary>The rows one run wrote, table by table.</summary>
public sealed record SyntheticDataCounts(
    int Organizations,
    int Aliases,
    int Sources,
    int Deals,
    int Participants,
    int Citations,
    int Valuations,
    int MarketEvents,
    int MarketEventOrganizations)
{
    /// <summary>Every row written, all tables together.</summary>
    public long Rows => (long)Organizations + Aliases + Sources + Deals + Participants + Citations + Valuations + MarketEvents + MarketEventOrganizations;

    public override string ToString() => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"{Deals:N0} deals, {Organizations:N0} organizations ({Aliases:N0} aliases), {Participants:N0} participants, {Citations:N0} citations of {Sources:N0} sources, {Valuations:N0} valuations, {MarketEvents:N0} market events");
}

/// <summary>
/// How far a run is: deals written so far, every row so far, and the time since it started. After the rows, the work
/// that follows them (indexes, aggregates, the search index) reports each <see cref="Phase"/> as it starts, without a
/// <see cref="PhaseTime"/>, and as it ends, with the time it took.
/// </summary>
public sealed record SyntheticDataProgress(int Deals, long Rows, TimeSpan Elapsed)
{
    /// <summary>What the run is doing after the rows, as an operator reads it ("Building the indexes"); null while it writes rows.</summary>
    public string? Phase { get; init; }

    /// <summary>The time <see cref="Phase"/> took, once it is over; null when it starts.</summary>
    public TimeSpan? PhaseTime { get; init; }
}
