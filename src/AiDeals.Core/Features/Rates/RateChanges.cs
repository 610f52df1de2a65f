using System.Globalization;
using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using AiDeals.Core.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Rates;

/// <summary>What saving one rate did: the rate command's own result, and how many deals were converted again.</summary>
public sealed record RateSaveResult(CommandResult Rate, int DealsConverted);

/// <summary>What an import of a rates file did (or, as a preview, would do).</summary>
public sealed record RateImportReport(
    int Added, int Changed, int Unchanged, int DealsConverted, IReadOnlyList<RateProblem> Problems, bool Committed, string? Refused, string Batch);

/// <summary>
/// Changes rates and, in the same batch (one label in the history), converts again the deals those rates touch: the
/// deals of that currency announced from the first changed day to a month past the last, as a rate serves that long.
/// </summary>
public sealed class RateChanges(IDbContextFactory<AiDealsDbContext> contexts, CommandRunner runner, TimeProvider clock)
{
    /// <summary>Runs one rate command (create, update, delete) and converts the deals of its currency around its day.</summary>
    public async Task<RateSaveResult> SaveAsync(Actor actor, Command rate, string currency, DateOnly on, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(rate);
        var code = Currencies.Normalize(currency);
        var deals = Currencies.IsCode(code) ? await AffectedAsync(code, on, on, cancellationToken) : [];
        CommandResult? result = null;
        var converted = 0;
        await runner.RunBatchAsync(
            actor,
            new CommandBatch(Label($"Rate of {code} for {Currencies.RateDate(on)}"))
            {
                OnResult = (command, outcome) =>
                {
                    if (ReferenceEquals(command, rate))
                    {
                        result = outcome;
                    }
                    else if (outcome.Outcome == CommandOutcome.Saved)
                    {
                        converted++;
                    }
                },
            },
            [rate, CommandBatch.SaveHere, .. deals.Select(id => new ConvertDeal(id))],
            cancellationToken);
        return new RateSaveResult(result ?? CommandResult.Forbidden, converted);
    }

    /// <summary>Imports an ECB reference rates CSV: new days added, changed values updated, then the deals they touch converted.</summary>
    public async Task<RateImportReport> ImportAsync(Actor actor, string fileName, string text, bool commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var batch = Label($"Import of rates from {Path.GetFileName(fileName)}");
        if (!actor.IsAdmin)
        {
            return new RateImportReport(0, 0, 0, 0, [], false, "Only admins may import rates.", batch);
        }

        var (rows, problems) = EcbRateFile.Read(text ?? string.Empty);
        var latest = rows.GroupBy(r => (r.Currency, r.On)).Select(g => g.Last()).ToList();
        var commands = new List<Command>();
        var unchanged = 0;
        var touched = new Dictionary<string, (DateOnly From, DateOnly To)>(StringComparer.Ordinal);
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            foreach (var currency in latest.GroupBy(r => r.Currency))
            {
                var (from, to) = (currency.Min(r => r.On), currency.Max(r => r.On));
                var stored = await db.ExchangeRates.AsNoTracking().Where(r => r.Currency == currency.Key && r.On >= from && r.On <= to)
                    .ToDictionaryAsync(r => r.On, cancellationToken);
                foreach (var row in currency)
                {
                    var form = new RateForm { Currency = row.Currency, On = row.On, UnitsPerUsd = row.UnitsPerUsd };
                    if (!stored.TryGetValue(row.On, out var existing))
                    {
                        commands.Add(new CreateRate(form));
                    }
                    else if (Math.Abs(existing.UnitsPerUsd - row.UnitsPerUsd) > existing.UnitsPerUsd * 1e-9)
                    {
                        (form.Id, form.Version) = (existing.Id, existing.Version);
                        commands.Add(new UpdateRate(form));
                    }
                    else
                    {
                        unchanged++;
                        continue;
                    }

                    touched[row.Currency] = touched.TryGetValue(row.Currency, out var span)
                        ? (Min(span.From, row.On), Max(span.To, row.On)) : (row.On, row.On);
                }
            }
        }

        var deals = new List<int>();
        foreach (var (currency, (from, to)) in touched)
        {
            deals.AddRange(await AffectedAsync(currency, from, to, cancellationToken));
        }

        var (added, changed, converted) = (0, 0, 0);
        var result = await runner.RunBatchAsync(
            actor,
            new CommandBatch(batch, commit && problems.Count == 0, MaxFailures: 1)
            {
                GroupSize = 500,
                OnResult = (command, outcome) =>
                {
                    if (outcome.Outcome != CommandOutcome.Saved)
                    {
                        problems.Add(new RateProblem(0, Describe(command, outcome)));
                        return;
                    }

                    _ = command switch
                    {
                        CreateRate => added++,
                        UpdateRate => changed++,
                        _ => converted++,
                    };
                },
            },
            [.. commands, CommandBatch.SaveHere, .. deals.Select(id => new ConvertDeal(id))],
            cancellationToken);
        return new RateImportReport(added, changed, unchanged, converted, problems, result.Committed, null, batch);
    }

    private async Task<List<int>> AffectedAsync(string currency, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await ConvertDeal.AffectedAsync(db, currency, from, to.AddDays(Currencies.RateMaxAgeDays), cancellationToken);
    }

    private string Label(string what)
    {
        var label = string.Create(CultureInfo.InvariantCulture, $"{what} ({clock.GetUtcNow().UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC)");
        return label.Length > AuditLimits.Batch ? label[..AuditLimits.Batch] : label;
    }

    private static string Describe(Command command, CommandResult outcome)
    {
        var what = command switch
        {
            CreateRate create => $"The {create.Form.Currency} rate of {create.Form.On:yyyy-MM-dd}",
            UpdateRate update => $"The {update.Form.Currency} rate of {update.Form.On:yyyy-MM-dd}",
            ConvertDeal convert => $"Deal {convert.Id.ToString(CultureInfo.InvariantCulture)}",
            _ => "A change",
        };
        var errors = outcome.Errors is { Count: > 0 } found ? ": " + string.Join(" ", found.SelectMany(e => e.Value)) : ".";
        return $"{what} was not saved ({outcome.Outcome}){errors}";
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
