using System.Text.Json;
using System.Text.RegularExpressions;

namespace AiDeals.Web.Tests.BadInput;

/// <summary>
/// One bad input for an editor: what to type into which fields (by data-testid, "#2" for the second of several) and a
/// fragment of the message that must be shown for it.
/// </summary>
public sealed record EditorCase(string Name, IReadOnlyList<(string Field, string Text)> Inputs, string Expect);

/// <summary>
/// The bad-input cases of each editor kind, kept as data in BadInput/editors/&lt;kind&gt;.json. A text is a JSON string, or
/// an object that builds one: <c>{"repeat": "x", "times": 301, "prefix": "…", "suffix": "…"}</c>, or
/// <c>{"escaped": "a\\uD800b"}</c> for characters a JSON string cannot hold (a lone surrogate), unescaped as C# would.
/// </summary>
public static class EditorCases
{
    private static readonly Dictionary<string, IReadOnlyList<EditorCase>> Loaded = [];

    public static TheoryData<string> Names(string kind) => [.. Load(kind).Select(c => c.Name)];

    public static EditorCase Get(string kind, string name) => Load(kind).Single(c => c.Name == name);

    public static IReadOnlyList<EditorCase> Load(string kind)
    {
        lock (Loaded)
        {
            if (!Loaded.TryGetValue(kind, out var cases))
            {
                var path = Path.Combine(AppContext.BaseDirectory, "BadInput", "editors", kind + ".json");
                using var document = JsonDocument.Parse(File.ReadAllText(path));
                Loaded[kind] = cases = [.. document.RootElement.EnumerateArray().Select(Read)];
            }

            return cases;
        }
    }

    private static EditorCase Read(JsonElement entry) => new(
        entry.GetProperty("name").GetString()!,
        [.. entry.GetProperty("set").EnumerateObject().Select(p => (p.Name, Text(p.Value)))],
        entry.GetProperty("expect").GetString()!);

    private static string Text(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString()!;
        }

        if (value.TryGetProperty("escaped", out var escaped))
        {
            return Regex.Unescape(escaped.GetString()!);
        }

        var repeated = string.Concat(Enumerable.Repeat(value.GetProperty("repeat").GetString()!, value.GetProperty("times").GetInt32()));
        return Optional(value, "prefix") + repeated + Optional(value, "suffix");
    }

    private static string Optional(JsonElement value, string name) => value.TryGetProperty(name, out var part) ? part.GetString()! : string.Empty;
}
