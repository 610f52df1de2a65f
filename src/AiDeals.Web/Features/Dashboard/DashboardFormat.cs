using System.Globalization;
using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Dashboard;

namespace AiDeals.Web.Features.Dashboard;

/// <summary>How the dashboard words its figures: billions for the charts, ages for the change feed.</summary>
public static class DashboardFormat
{
    private const double Billion = 1_000_000_000d;

    /// <summary>Whole dollars as billions for a chart axis.</summary>
    public static double Billions(long dollars) => dollars / Billion;

    /// <summary>An axis tick in billions: "$0B", "$25B", "$1.5B", "$1.2T".</summary>
    /// <summary>A count as people read it at any size: 961,398 rather than 961398.</summary>
    public static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    public static string BillionsLabel(double billions) =>
        billions >= 1000
            ? "$" + (billions / 1000).ToString("0.#", CultureInfo.InvariantCulture) + "T"
            : "$" + billions.ToString(billions < 10 ? "0.#" : "0", CultureInfo.InvariantCulture) + "B";

    /// <summary>A chart label of at most <paramref name="length"/> characters, cut with an ellipsis.</summary>
    public static string Abbreviate(string text, int length) =>
        text.Length <= length ? text : text[..(length - 1)].TrimEnd() + "…";

    /// <summary>"just now", "5 min ago", "2 h ago", "3 d ago", then the date.</summary>
    public static string Age(DateTime atUtc, DateTime nowUtc)
    {
        var age = nowUtc - atUtc;
        return age switch
        {
            { TotalMinutes: < 1 } => "just now",
            { TotalHours: < 1 } => string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalMinutes} min ago"),
            { TotalDays: < 1 } => string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalHours} h ago"),
            { TotalDays: < 30 } => string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalDays} d ago"),
            _ => atUtc.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>A field name for people: "AmountHigh" reads "amount high", "TargetId" reads "target".</summary>
    public static string Field(string name)
    {
        var words = System.Text.RegularExpressions.Regex.Split(name, "(?<=[a-z])(?=[A-Z])")
            .Select(w => w.ToLowerInvariant())
            .ToList();
        if (words.Count > 1 && words[^1] == "id")
        {
            words.RemoveAt(words.Count - 1);
        }

        return string.Join(' ', words);
    }

    /// <summary>The kind of a valuation for people: "post-money", "market cap".</summary>
    public static string Of(ValuationKind kind) => kind switch
    {
        ValuationKind.PostMoney => "post-money",
        ValuationKind.PreMoney => "pre-money",
        ValuationKind.MarketCap => "market cap",
        _ => "estimate",
    };

    /// <summary>The verb of a change: "created", "updated", "deleted", "restored".</summary>
    public static string Verb(AuditAction action) => action.ToString().ToLowerInvariant();

    /// <summary>The record's type for people: "deal", "organization", "market event".</summary>
    public static string KindOf(ChangedRecord record) => record.Kind switch
    {
        RecordKind.MarketEvent => "event",
        RecordKind.Other => Field(record.EntityType),
        _ => record.Kind.ToString().ToLowerInvariant(),
    };

    /// <summary>What happened to a record's parts: "2 citations added", "1 alias removed".</summary>
    public static string Parts(IEnumerable<PartChange> parts) => string.Join(", ", parts.Select(p =>
        string.Create(CultureInfo.InvariantCulture, $"{p.Count} {(p.Count == 1 ? p.Part : Plural(p.Part))} {PartVerb(p.Action)}")));

    private static string Plural(string noun) => noun.EndsWith('s') ? noun + "es" : noun + "s";

    private static string PartVerb(AuditAction action) => action switch
    {
        AuditAction.Created => "added",
        AuditAction.Deleted => "removed",
        AuditAction.Restored => "restored",
        _ => "changed",
    };
}
