using System.Globalization;
using AiDeals.Core.Data.Seeding;
using AiDeals.Core.Domain;
using CsvHelper;
using C = AiDeals.Core.Features.Import.DealCsvColumns;

namespace AiDeals.Core.Features.Import;

/// <summary>One row of a deals CSV read into a deal book deal, with a problem for each cell that does not read.</summary>
internal sealed class DealCsvRow(CsvReader csv, Dictionary<string, int> index, long line, int maxFieldLength)
{
    // What spreadsheets run as a formula when a cell starts with it (CSV injection).
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public List<ImportProblem> Problems { get; } = [];

    public DealBookDeal? ToDeal()
    {
        var title = Text(C.Title);
        var target = Text(C.Target);
        var investors = Text(C.Investors)?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        var kind = Enum<DealKind>(C.Kind) ?? DealKind.EquityInvestment;
        var status = Enum<DealStatus>(C.Status) ?? DealStatus.Announced;
        DealBookAmount? amount = null;
        var currency = Text(C.Currency);
        if (currency is not null && !Currencies.IsUsd(currency))
        {
            // Reported in another currency: the reported figures are the amount, and the dollar ones are derived from them.
            var low = Figure(C.ReportedLow);
            var high = Figure(C.ReportedHigh);
            var qualifier = Enum<AmountQualifier>(C.AmountQualifier) ?? (low is null && high is null ? AmountQualifier.Undisclosed : AmountQualifier.Exact);
            amount = new DealBookAmount(low, high, qualifier, currency.ToUpperInvariant());
        }
        else if (index[C.AmountLow] >= 0 || index[C.AmountHigh] >= 0 || index[C.AmountQualifier] >= 0)
        {
            var low = Dollars(C.AmountLow);
            var high = Dollars(C.AmountHigh);
            var qualifier = Enum<AmountQualifier>(C.AmountQualifier) ?? (low is null && high is null ? AmountQualifier.Undisclosed : AmountQualifier.Exact);
            amount = new DealBookAmount(low, high, qualifier);
        }

        var announced = Announced();
        Text(C.SourceUrls);
        Text(C.Commitments);
        return Problems.Count > 0 ? null : new DealBookDeal(
            Text(C.ExternalId), title, kind, status, target, amount, announced, null, null, null, null,
            [.. investors.Select(i => new DealBookParticipant(i, ParticipantRole.CoInvestor, null))], null, null);
    }

    private string? Cell(string column)
    {
        var at = index[column];
        if (at < 0 || at >= csv.FieldCount)
        {
            return null;
        }

        var value = csv.GetString(at);
        if (value.Length > maxFieldLength)
        {
            return Fail<string>(column, $"The cell holds {value.Length.ToString("N0", CultureInfo.InvariantCulture)} characters; a cell holds at most {maxFieldLength.ToString("N0", CultureInfo.InvariantCulture)}.");
        }

        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    /// <summary>
    /// Text as a spreadsheet would not run it: the export writes a leading ' before =, +, - and @, which is taken off
    /// here; a cell that starts with one of them without it is refused, as a formula is never a name or a title.
    /// </summary>
    private string? Text(string column)
    {
        var value = Cell(column);
        if (value is ['\'', var first, ..] && FormulaStarts.Contains(first))
        {
            return value[1..];
        }

        return value is [var start, ..] && FormulaStarts.Contains(start)
            ? Fail<string>(column, $"The cell starts with '{start}', which a spreadsheet runs as a formula: refused. Put a ' before it to keep it as text.")
            : value;
    }

    private long? Dollars(string column)
    {
        var value = Cell(column);
        if (value is null)
        {
            return null;
        }

        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var dollars)
            ? dollars
            : Fail<long?>(column, $"'{Short(value)}' is not a whole number of US dollars: write digits only, such as 15000000000 (no currency sign, no separators, no 'B').");
    }

    private long? Figure(string column)
    {
        var value = Cell(column);
        if (value is null)
        {
            return null;
        }

        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var units)
            ? units
            : Fail<long?>(column, $"'{Short(value)}' is not a whole number of the currency's units: write digits only, such as 600000000.");
    }

    private T? Enum<T>(string column)
        where T : struct, Enum
    {
        var value = Cell(column);
        if (value is null)
        {
            return null;
        }

        var name = value.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        return System.Enum.TryParse<T>(name, ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed) && !char.IsAsciiDigit(name[0])
            ? parsed
            : Fail<T?>(column, $"'{Short(value)}' is not one of: {string.Join(", ", System.Enum.GetNames<T>())}.");
    }

    /// <summary>The announced period as the deal book writes it: the day and precision columns, or a text such as 2024-Q4.</summary>
    private string? Announced()
    {
        var value = Cell(C.Announced);
        if (value is null)
        {
            return null;
        }

        var precision = Enum<DatePrecision>(C.AnnouncedPrecision);
        if (precision is { } p && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return PartialDate.Create(day, p).ToIsoString();
        }

        return PartialDate.TryParse(value, out var date)
            ? date.ToIsoString()
            : Fail<string>(C.Announced, $"'{Short(value)}' is not a date: write 2025-01-27, 2025-01, 2024-Q4 or 2019 (or the first day and an 'Announced precision').");
    }

    private T? Fail<T>(string column, string message)
    {
        Problems.Add(new ImportProblem(line, null, column, message));
        return default;
    }

    private static string Short(string text) => text.Length <= 40 ? text : text[..37] + "...";
}
