using System.Text.Json.Nodes;

namespace AiDeals.Web.Tests.Support;

/// <summary>The article's deal book, copied beside the test assembly by the project file (where the app also looks for it).</summary>
internal static class SeedData
{
    public static string DealBookPath { get; } = Path.Combine(AppContext.BaseDirectory, "seed-data", "dealbook.json");

    public static string ArticlePath { get; } = Path.Combine(AppContext.BaseDirectory, "seed-data", "article.txt");

    /// <summary>The deals of the deal book as JSON, for tests that compute their expectations from the file rather than repeat it.</summary>
    public static IReadOnlyList<JsonObject> ReadDeals() =>
        JsonNode.Parse(File.ReadAllText(DealBookPath))!["deals"]!.AsArray().Select(node => node!.AsObject()).ToList();

    public static string Text(this JsonNode? node, string property) => node![property]!.GetValue<string>();

    public static string? OptionalText(this JsonNode? node, string property) => node?[property]?.GetValue<string>();

    public static long? Long(this JsonNode? node, string property) => node?[property]?.GetValue<long>();

    /// <summary>The keys of the organizations taking part in a deal.</summary>
    public static IEnumerable<string> ParticipantKeys(this JsonObject deal) =>
        deal["participants"]!.AsArray().Select(p => p.Text("organization"));
}
