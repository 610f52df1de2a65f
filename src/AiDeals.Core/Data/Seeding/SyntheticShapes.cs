using AiDeals.Core.Domain;

namespace AiDeals.Core.Data.Seeding;

/// <summary>
/// The random shapes of generated data, all drawn from one seeded <see cref="System.Random"/> in a fixed order, so that
/// the same seed gives the same rows.
/// </summary>
internal sealed class SyntheticShapes(int seed)
{
    private static readonly string[] NameStems =
    [
        "Quantum", "Neural", "Vector", "Cortex", "Lumen", "Helix", "Nimbus", "Atlas", "Orion", "Tensor",
        "Cobalt", "Vertex", "Aether", "Pioneer", "Summit", "Meridian", "Photon", "Sierra", "Nova", "Polaris",
    ];

    private static readonly string[] NameSuffixes =
    [
        "Labs", "AI", "Capital", "Ventures", "Systems", "Robotics", "Compute", "Partners", "Holdings", "Dynamics",
    ];

    private static readonly string[] Countries = ["US", "US", "US", "US", "GB", "CN", "DE", "FR", "JP", "AE", "SA", "IN", "CA", "KR"];

    public static readonly string[] Publishers =
    [
        "Wire Daily", "The Compute Ledger", "Markets Now", "Tech Dispatch", "Capital Flows", "AI Business Review",
        "Global Deal Watch", "Silicon Post", "The Funding Desk", "Infra Weekly",
    ];

    private static readonly string[] EventPhrases =
    [
        "shares fall after a rival model launch", "market value jumps on AI demand", "stock rallies on data-center orders",
        "cuts its AI spending outlook", "wins a sovereign compute contract", "shares slide on export rules",
    ];

    private static readonly DateOnly FirstDay = new(2015, 1, 1);

    public Random Random { get; } = new(seed);

    /// <summary>
    /// An index in [0, count) where index 0 is the most likely, 1 next, and so on with a long tail (Zipf with s ≈ 1):
    /// the continuous inverse of a 1/rank distribution, (count + 1)^u.
    /// </summary>
    public int Zipf(int count) => Math.Clamp((int)Math.Pow(count + 1, Random.NextDouble()) - 1, 0, count - 1);

    /// <summary>One of the pool: <paramref name="zipfPercent"/>% of draws favour its first entries, the rest are uniform.</summary>
    public int Pick(int[] pool, int zipfPercent) =>
        pool[Random.Next(100) < zipfPercent ? Zipf(pool.Length) : Random.Next(pool.Length)];

    public string OrganizationName(int number) =>
        $"{NameStems[Random.Next(NameStems.Length)]} {NameSuffixes[Random.Next(NameSuffixes.Length)]} {number}";

    public OrganizationType OrganizationType() => Random.Next(20) switch
    {
        < 10 => Domain.OrganizationType.Company,
        < 12 => Domain.OrganizationType.CorporateInvestor,
        < 16 => Domain.OrganizationType.VentureFund,
        16 => Domain.OrganizationType.SovereignFund,
        < 19 => Domain.OrganizationType.Conglomerate,
        _ => Domain.OrganizationType.Project,
    };

    public string Country() => Countries[Random.Next(Countries.Length)];

    public DealKind Kind() => Random.Next(20) switch
    {
        < 8 => DealKind.EquityInvestment,
        < 10 => DealKind.InfrastructureCommitment,
        11 => DealKind.JointVenture,
        < 14 => DealKind.Partnership,
        < 16 => DealKind.Acquisition,
        < 19 => DealKind.Debt,
        _ => DealKind.Grant,
    };

    public DealStatus Status() => Random.Next(10) switch
    {
        0 => DealStatus.Rumored,
        1 or 2 => DealStatus.InTalks,
        3 or 4 or 5 => DealStatus.Announced,
        6 or 7 or 8 => DealStatus.Completed,
        _ => DealStatus.Abandoned,
    };

    public ParticipantRole Role(DealKind kind, int position) =>
        kind is DealKind.JointVenture or DealKind.Partnership ? ParticipantRole.Partner
        : position == 0 ? ParticipantRole.Lead
        : Random.Next(10) < 7 ? ParticipantRole.CoInvestor : ParticipantRole.Backer;

    /// <summary>1 to 4 participants: most deals have one or two.</summary>
    public int ParticipantCount() => Random.Next(20) switch { < 9 => 1, < 15 => 2, < 18 => 3, _ => 4 };

    /// <summary>A day between 2015 and the end of 2025, known to a day (most), a month, a quarter or a year.</summary>
    public PartialDate Date()
    {
        var day = FirstDay.AddDays(Random.Next(4000));
        var precision = Random.Next(10) switch { < 6 => DatePrecision.Day, < 8 => DatePrecision.Month, 8 => DatePrecision.Quarter, _ => DatePrecision.Year };
        return PartialDate.Create(day, precision);
    }

    /// <summary>Log-uniform from $1M to $100B, rounded to whole millions, with every kind of uncertainty.</summary>
    public AmountRange Amount()
    {
        var low = Figure(6, 5);
        return Random.Next(10) switch
        {
            < 4 => AmountRange.Exact(low),
            4 or 5 => AmountRange.Between(low, low + Math.Max(1_000_000, low / (1 + Random.Next(4)))),
            6 => AmountRange.UpTo(low),
            7 => AmountRange.AtLeast(low),
            8 => AmountRange.Estimated(low),
            _ => AmountRange.Undisclosed,
        };
    }

    /// <summary>Whole millions, log-uniform from 10^<paramref name="fromPower"/> over <paramref name="decades"/> powers of ten.</summary>
    public long Figure(int fromPower, int decades) =>
        Math.Max(1_000_000, (long)Math.Round(Math.Pow(10, fromPower + (Random.NextDouble() * decades)) / 1_000_000) * 1_000_000);

    public string EventPhrase() => EventPhrases[Random.Next(EventPhrases.Length)];
}
