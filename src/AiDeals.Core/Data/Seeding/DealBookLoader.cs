using System.Text.Json;
using AiDeals.Core.Domain;
using AiDeals.Core.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Data.Seeding;

/// <summary>
/// Reads a deal book, checks all of it (references, amounts, dates, quotes), and only then writes it in one transaction.
/// </summary>
public sealed class DealBookLoader(IDbContextFactory<AiDealsDbContext> contextFactory)
{
    public const string SeedUser = "seed";

    /// <summary>The exchange rates file seeded with a deal book, beside it: the ECB's reference rates CSV format.</summary>
    public const string RatesFile = "ecb-rates.csv";

    /// <summary>Loads the deal book when the database holds no deal (deleted ones included), so a second run adds nothing.</summary>
    public async Task<DealBookLoadResult> LoadIfEmptyAsync(string path, CancellationToken cancellationToken = default)
    {
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            // A plain statement rather than a LINQ query: this runs on every start, where each query shape costs a compilation.
            await db.Database.OpenConnectionAsync(cancellationToken);
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "SELECT EXISTS (SELECT 1 FROM \"Deals\");";
            if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 1)
            {
                return new DealBookLoadResult(false, 0, 0, 0, 0);
            }
        }

        return await LoadAsync(path, cancellationToken);
    }

    /// <summary>Reads and checks the whole file first; any problem throws <see cref="DealBookException"/> and nothing is written.</summary>
    public async Task<DealBookLoadResult> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        var book = await ReadAsync(path, cancellationToken);
        var plan = new DealBookPlan(path, book);
        plan.Build();

        await using var db = await contextFactory.CreateForAsync(Actor.Create(SeedUser), "Seeded from " + Path.GetFileName(path), cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await SeedRatesAsync(db, path, cancellationToken);

        // Organizations an analyst already entered are reused by name rather than duplicated.
        var names = plan.Organizations.Select(o => Organization.Normalize(o.Name)).ToList();
        // A deleted one is restored: the name is still taken by its row.
        var existing = await db.Organizations.IgnoreQueryFilters().Include(o => o.Aliases)
            .Where(o => names.Contains(o.NormalizedName)).ToDictionaryAsync(o => o.NormalizedName, cancellationToken);
        foreach (var organization in plan.Organizations)
        {
            if (existing.TryGetValue(Organization.Normalize(organization.Name), out var current))
            {
                current.DeletedAt = null;
                Reuse(plan, organization, current);
            }
            else
            {
                db.Organizations.Add(organization);
            }
        }

        foreach (var deal in plan.Deals.Where(d => !Currencies.IsUsd(d.Currency)))
        {
            var rate = await Features.Rates.RateLookup.NearestEarlierAsync(db, deal.Currency, deal.AnnouncedOn, cancellationToken);
            deal.Report(deal.Currency, deal.Reported, rate);
        }

        db.Sources.AddRange(plan.Sources);
        db.Deals.AddRange(plan.Deals);
        db.Valuations.AddRange(plan.Valuations);
        db.MarketEvents.AddRange(plan.MarketEvents);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new DealBookLoadResult(true, plan.Organizations.Count, plan.Deals.Count, plan.Valuations.Count, plan.MarketEvents.Count);
    }

    /// <summary>
    /// The exchange rates in the ECB's format beside the book (<see cref="RatesFile"/>), into a database that has none, so
    /// that a seeded app converts amounts in other currencies; saved with the book, before its deals are converted.
    /// </summary>
    private static async Task SeedRatesAsync(AiDealsDbContext db, string bookPath, CancellationToken cancellationToken)
    {
        var file = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(bookPath)) ?? ".", RatesFile);
        if (!File.Exists(file) || await db.ExchangeRates.IgnoreQueryFilters().AnyAsync(cancellationToken))
        {
            return;
        }

        var (rates, problems) = Features.Rates.EcbRateFile.Read(await File.ReadAllTextAsync(file, cancellationToken));
        if (problems.Count > 0)
        {
            throw new DealBookException(file, $"line {problems[0].Line}", problems[0].Message);
        }

        db.ExchangeRates.AddRange(rates.Select(r => new ExchangeRate { Currency = r.Currency, On = r.On, UnitsPerUsd = r.UnitsPerUsd }));
        await db.SaveChangesAsync(cancellationToken);

        // The book's save starts from an empty tracker, as it does without rates: its records are audited in the same order.
        db.ChangeTracker.Clear();
    }

    /// <summary>Points every reference to a planned organization at one that is already in the database.</summary>
    private static void Reuse(DealBookPlan plan, Organization planned, Organization existing)
    {
        foreach (var deal in plan.Deals)
        {
            if (deal.Target == planned)
            {
                deal.Target = existing;
            }

            foreach (var participant in deal.Participants.Where(p => p.Organization == planned))
            {
                participant.Organization = existing;
            }
        }

        foreach (var valuation in plan.Valuations.Where(v => v.Organization == planned))
        {
            valuation.Organization = existing;
        }

        foreach (var link in plan.MarketEvents.SelectMany(e => e.Organizations).Where(l => l.Organization == planned))
        {
            link.Organization = existing;
        }

        foreach (var citation in planned.Citations)
        {
            citation.Organization = existing;
            existing.Citations.Add(citation);
        }
    }

    private static async Task<DealBook> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new DealBookException(path, "$", "the file does not exist.");
        }

        try
        {
            await using var stream = File.OpenRead(path);
            return await JsonSerializer.DeserializeAsync<DealBook>(stream, DealBookJson.Read, cancellationToken)
                ?? throw new DealBookException(path, "$", "the file holds null instead of a deal book.");
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" (line {line + 1}, byte {ex.BytePositionInLine + 1})" : string.Empty;
            var problem = ex.Message.Split(" Path:", 2)[0];
            throw new DealBookException(path, ex.Path ?? "$", problem + where);
        }
    }
}
