using AiDeals.Core.Domain;
using AiDeals.Core.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Data.Seeding;

/// <summary>
/// Fills a database with organizations and deals shaped like real ones (investors, targets, umbrellas, ranges,
/// partial dates, citations), the same rows for the same seed number. For tests and benchmarks.
/// </summary>
public sealed class SyntheticDataGenerator(IDbContextFactory<AiDealsDbContext> contextFactory)
{
    public const string User = "synthetic";

    private const int BatchSize = 2000;

    private static readonly string[] NameStems =
    [
        "Quantum", "Neural", "Vector", "Cortex", "Lumen", "Helix", "Nimbus", "Atlas", "Orion", "Tensor",
        "Cobalt", "Vertex", "Aether", "Pioneer", "Summit", "Meridian", "Photon", "Sierra", "Nova", "Polaris",
    ];

    private static readonly string[] NameSuffixes =
    [
        "Labs", "AI", "Capital", "Ventures", "Systems", "Robotics", "Compute", "Partners", "Holdings", "Dynamics",
    ];

    public async Task<(int Organizations, int Deals)> GenerateAsync(
        int organizations, int deals, int seed, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(organizations, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(deals);
        var random = new Random(seed);

        var source = new Source { Title = $"Synthetic deal feed (seed {seed})", Publisher = "AiDeals generator" };
        var organizationIds = new List<int>(organizations);
        await using (var db = await CreateContextAsync(cancellationToken))
        {
            db.Sources.Add(source);
            await db.SaveChangesAsync(cancellationToken);
        }

        for (var start = 0; start < organizations; start += BatchSize)
        {
            await using var db = await CreateContextAsync(cancellationToken);
            var batch = Enumerable.Range(start, Math.Min(BatchSize, organizations - start))
                .Select(i => NewOrganization(i, seed, random))
                .ToList();
            db.Organizations.AddRange(batch);
            await db.SaveChangesAsync(cancellationToken);
            organizationIds.AddRange(batch.Select(o => o.Id));
        }

        var dealIds = new List<int>(deals);
        for (var start = 0; start < deals; start += BatchSize)
        {
            await using var db = await CreateContextAsync(cancellationToken);
            var batch = Enumerable.Range(start, Math.Min(BatchSize, deals - start))
                .Select(i => NewDeal(i, random, organizationIds, dealIds, source.Id))
                .ToList();
            db.Deals.AddRange(batch);
            await db.SaveChangesAsync(cancellationToken);
            dealIds.AddRange(batch.Select(d => d.Id));
        }

        return (organizations, deals);
    }

    private async Task<AiDealsDbContext> CreateContextAsync(CancellationToken cancellationToken)
    {
        var db = await contextFactory.CreateForAsync(Actor.Create(User), reason: null, cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        return db;
    }

    private static Organization NewOrganization(int index, int seed, Random random)
    {
        var name = $"{NameStems[random.Next(NameStems.Length)]} {NameSuffixes[random.Next(NameSuffixes.Length)]} {index + 1}";
        var type = random.Next(10) switch
        {
            < 5 => OrganizationType.Company,
            5 => OrganizationType.CorporateInvestor,
            6 or 7 => OrganizationType.VentureFund,
            8 => OrganizationType.SovereignFund,
            _ => OrganizationType.Conglomerate,
        };
        var organization = new Organization
        {
            Name = name,
            Slug = $"s{seed}-org-{index + 1}",
            Type = type,
            Country = random.Next(4) switch { 0 => "US", 1 => "GB", 2 => "JP", _ => "DE" },
            FoundedYear = 1950 + random.Next(75),
        };
        if (random.Next(4) == 0)
        {
            organization.Aliases.Add(new OrganizationAlias { Name = $"{name} Inc." });
        }

        return organization;
    }

    private static Deal NewDeal(int index, Random random, List<int> organizationIds, List<int> dealIds, int sourceId)
    {
        var targetId = organizationIds[random.Next(organizationIds.Count)];
        var kind = (DealKind)random.Next(Enum.GetValues<DealKind>().Length);
        var status = random.Next(10) switch
        {
            0 => DealStatus.Rumored,
            1 or 2 => DealStatus.InTalks,
            3 or 4 or 5 => DealStatus.Announced,
            6 or 7 or 8 => DealStatus.Completed,
            _ => DealStatus.Abandoned,
        };
        var announced = new DateOnly(2015, 1, 1).AddDays(random.Next(4000));
        var precision = random.Next(10) switch { < 6 => DatePrecision.Day, < 8 => DatePrecision.Month, 8 => DatePrecision.Quarter, _ => DatePrecision.Year };
        var deal = new Deal
        {
            Title = $"{kind} #{index + 1}",
            Kind = kind,
            Status = status,
            TargetId = targetId,
            Amount = RandomAmount(random),
            Announced = PartialDate.Create(announced, precision),
            // A few deals belong under an earlier one, as an umbrella partnership does.
            ParentId = dealIds.Count > 0 && random.Next(20) == 0 ? dealIds[random.Next(dealIds.Count)] : null,
            Notes = random.Next(3) == 0 ? "Generated deal for load and filter testing." : null,
        };
        if (status == DealStatus.Completed)
        {
            deal.Closed = PartialDate.Create(announced.AddDays(random.Next(30, 400)), DatePrecision.Month);
        }

        var participants = 1 + random.Next(3);
        for (var i = 0; i < participants; i++)
        {
            var investorId = organizationIds[random.Next(organizationIds.Count)];
            if (investorId == targetId || deal.Participants.Any(p => p.OrganizationId == investorId))
            {
                continue;
            }

            deal.Participants.Add(new DealParticipant
            {
                OrganizationId = investorId,
                Role = i == 0 ? ParticipantRole.Lead : ParticipantRole.CoInvestor,
                Commitment = AmountRange.Undisclosed,
            });
        }

        deal.Citations.Add(new Citation { SourceId = sourceId, Quote = $"Synthetic quote for deal {index + 1}." });
        return deal;
    }

    private static AmountRange RandomAmount(Random random)
    {
        // Log-uniform from $1M to $100B, rounded to whole millions.
        long Figure() => (long)Math.Round(Math.Pow(10, 6 + (random.NextDouble() * 5)) / 1_000_000) * 1_000_000;
        var low = Figure();
        return random.Next(10) switch
        {
            < 4 => AmountRange.Exact(low),
            4 or 5 => AmountRange.Between(low, low + Math.Max(1_000_000, low / (1 + random.Next(4)))),
            6 => AmountRange.UpTo(low),
            7 => AmountRange.AtLeast(low),
            8 => AmountRange.Estimated(low),
            _ => AmountRange.Undisclosed,
        };
    }
}
