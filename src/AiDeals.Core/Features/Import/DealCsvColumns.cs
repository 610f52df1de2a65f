namespace AiDeals.Core.Features.Import;

/// <summary>The columns of a deals CSV: the deal list's export, plus an optional external id (docs/import-export.md).</summary>
public static class DealCsvColumns
{
    public const string ExternalId = "External id";
    public const string Title = "Title";
    public const string Target = "Target";
    public const string Investors = "Investors";
    public const string Kind = "Kind";
    public const string Status = "Status";
    public const string AmountLow = "Amount low (USD)";
    public const string AmountHigh = "Amount high (USD)";
    public const string AmountQualifier = "Amount qualifier";
    public const string Announced = "Announced";
    public const string AnnouncedPrecision = "Announced precision";
    public const string SourceUrls = "Source URLs";

    /// <summary>The currency the amount was reported in (ISO 4217); left out or USD, the dollar columns are the amount.</summary>
    public const string Currency = "Currency";

    /// <summary>The reported figures in <see cref="Currency"/>; the dollar columns are what they were converted to.</summary>
    public const string ReportedLow = "Reported low";
    public const string ReportedHigh = "Reported high";

    /// <summary>
    /// The investors' given commitments as reported and converted ("SoftBank Group: €600M (≈ $646.38M at the rate of 11
    /// Jun 2024)"), separated by ";": written by the export for people, read and ignored by an import, as a CSV says
    /// only who takes part (a deal book carries commitments).
    /// </summary>
    public const string Commitments = "Commitments";

    /// <summary>Every column a deals CSV may have, in the template's order.</summary>
    public static IReadOnlyList<string> All { get; } =
        [ExternalId, Title, Target, Investors, Kind, Status, AmountLow, AmountHigh, AmountQualifier, Announced, AnnouncedPrecision, SourceUrls, Currency, ReportedLow, ReportedHigh, Commitments];

    /// <summary>The columns a deals CSV must have.</summary>
    public static IReadOnlyList<string> Required { get; } = [Title, Kind, Status];

    /// <summary>The template to download: the header and one example row (UTF-8, CRLF).</summary>
    public static string Template =>
        string.Join(',', All.Select(Quote)) + "\r\n"
        + "SB-OAI-2025-01,SoftBank–OpenAI equity investment,OpenAI,SoftBank Group; Microsoft,EquityInvestment,InTalks,15000000000,25000000000,Range,2025-01-01,Month,,USD,,,\r\n";

    /// <summary>The column a rule broken at a deal book path is told at; null for the row as a whole.</summary>
    internal static string? For(string pathInDeal) => pathInDeal switch
    {
        ".key" => ExternalId,
        ".title" => Title,
        ".target" => Target,
        ".kind" => Kind,
        ".status" => Status,
        ".amount" => AmountLow,
        ".amount.currency" => Currency,
        ".announced" => Announced,
        _ when pathInDeal.StartsWith(".participants", StringComparison.Ordinal) => Investors,
        _ => null,
    };

    private static string Quote(string column) => column.Contains(',', StringComparison.Ordinal) ? $"\"{column}\"" : column;
}
