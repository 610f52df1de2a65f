using System.Globalization;
using AiDeals.Core.Domain;
using CsvHelper;

namespace AiDeals.Core.Features.Rates;

/// <summary>One rate read from a file: units of <see cref="Currency"/> per US dollar on <see cref="On"/>.</summary>
public sealed record RateRow(string Currency, DateOnly On, double UnitsPerUsd);

/// <summary>A line of a rates file that did not read, and why; line 1 is the header.</summary>
public sealed record RateProblem(long Line, string Message);

/// <summary>
/// Reads the ECB's euro reference rates CSV (eurofxref-hist.csv: "Date,USD,JPY,...,GBP,...," one row per working day,
/// rates per euro, "N/A" or nothing where a currency had no rate) with CsvHelper, and crosses each rate to US dollars:
/// units per dollar = units per euro ÷ dollars per euro; the euro itself is 1 ÷ dollars per euro. A day without a
/// dollar rate cannot be crossed and gives no rate at all.
/// </summary>
public static class EcbRateFile
{
    /// <summary>The most rows a file may have: the ECB's whole history since 1999 is ~7,000.</summary>
    public const int MaxRows = 50_000;

    public static (List<RateRow> Rates, List<RateProblem> Problems) Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rates = new List<RateRow>();
        var problems = new List<RateProblem>();
        try
        {
            using var csv = CsvReader.FromText(text, new CsvReaderOptions
            {
                TrackLineNumbers = true,
                HasHeader = true,
                MalformedData = CsvMalformedDataHandling.Throw,
            });
            var header = csv.Headers.Select(h => h.Trim()).ToList();
            var date = header.FindIndex(h => h.Equals("Date", StringComparison.OrdinalIgnoreCase));
            var usd = header.FindIndex(h => h.Equals(Currencies.Usd, StringComparison.OrdinalIgnoreCase));
            if (date < 0 || usd < 0)
            {
                return (rates, [new RateProblem(1, "This is not the ECB's reference rates CSV: its header needs a Date column and a USD column (Date,USD,JPY,...).")]);
            }

            // The ECB's header ends with a comma: an empty last column, which is no currency.
            var currencies = header.Select((code, at) => (Code: code.ToUpperInvariant(), At: at))
                .Where(c => c.At != date && c.Code.Length > 0).ToList();
            foreach (var unknown in currencies.Where(c => !Currencies.IsCode(c.Code)))
            {
                problems.Add(new RateProblem(1, $"The column '{Short(unknown.Code)}' is no currency code; it was left out."));
            }

            currencies.RemoveAll(c => !Currencies.IsCode(c.Code));
            var rows = 0;
            while (csv.Read())
            {
                if (++rows > MaxRows)
                {
                    problems.Add(new RateProblem(csv.LineNumber, $"The file has more than {MaxRows.ToString("N0", CultureInfo.InvariantCulture)} rows; the rest was not read."));
                    break;
                }

                ReadRow(csv, date, currencies, rates, problems);
            }
        }
        catch (CsvFormatException exception)
        {
            problems.Add(new RateProblem(Math.Max(1, exception.LineNumber), "The CSV is malformed here: " + exception.Message));
        }

        return (rates, problems);
    }

    private static void ReadRow(CsvReader csv, int date, List<(string Code, int At)> currencies, List<RateRow> rates, List<RateProblem> problems)
    {
        var line = csv.LineNumber;
        var dayText = Cell(csv, date);
        if (!DateOnly.TryParseExact(dayText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            problems.Add(new RateProblem(line, $"'{Short(dayText)}' is no date (the ECB writes 2024-06-11)."));
            return;
        }

        var perEur = new List<(string Code, double Rate)>();
        foreach (var (code, at) in currencies)
        {
            var cell = Cell(csv, at);
            if (cell.Length == 0 || cell.Equals("N/A", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (double.TryParse(cell, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rate) && rate > 0 && double.IsFinite(rate))
            {
                perEur.Add((code, rate));
            }
            else
            {
                problems.Add(new RateProblem(line, $"The {code} rate of {dayText}, '{Short(cell)}', is no positive number; it was left out."));
            }
        }

        if (perEur.FirstOrDefault(r => r.Code == Currencies.Usd) is not { Rate: > 0 } dollar)
        {
            if (perEur.Count > 0)
            {
                problems.Add(new RateProblem(line, $"{dayText} has no USD rate, so its rates cannot be crossed to dollars; the day was left out."));
            }

            return;
        }

        rates.Add(new RateRow("EUR", day, 1 / dollar.Rate));
        rates.AddRange(perEur.Where(r => r.Code is not (Currencies.Usd or "EUR")).Select(r => new RateRow(r.Code, day, r.Rate / dollar.Rate)));
    }

    private static string Cell(CsvReader csv, int at) => at < csv.FieldCount ? csv.GetString(at).Trim() : string.Empty;

    private static string Short(string text) => text.Length <= 40 ? text : text[..37] + "...";
}
