using System.Text.Json.Nodes;

namespace AiDeals.Core.Tests.Support;

/// <summary>The article's deal book and the article itself, copied beside the test assembly by the project file.</summary>
internal static class SeedData
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "seed-data");

    public static string DealBookPath { get; } = Path.Combine(Folder, "dealbook.json");

    public static string ArticlePath { get; } = Path.Combine(Folder, "article.txt");

    /// <summary>The deal book as JSON, for tests that compute their expectations from the file rather than repeat it.</summary>
    public static JsonObject ReadDealBook() => JsonNode.Parse(File.ReadAllText(DealBookPath))!.AsObject();

    public static IEnumerable<JsonObject> Objects(this JsonObject book, string array) =>
        book[array]?.AsArray().Select(node => node!.AsObject()) ?? [];

    public static string Text(this JsonNode? node, string property) => node![property]!.GetValue<string>();

    public static long? Long(this JsonNode? node, string property) => node?[property]?.GetValue<long>();

    /// <summary>The node and every node inside it, depth first.</summary>
    public static IEnumerable<JsonNode> Descendants(this JsonNode node)
    {
        yield return node;
        var children = node switch
        {
            JsonObject obj => obj.Select(p => p.Value),
            JsonArray array => array.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
        {
            foreach (var descendant in child.Descendants())
            {
                yield return descendant;
            }
        }
    }
}
