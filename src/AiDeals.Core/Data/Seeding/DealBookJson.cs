using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AiDeals.Core.Data.Seeding;

/// <summary>The one way a deal book is read (the seed loader, import) and written (export).</summary>
public static class DealBookJson
{
    /// <summary>Reading: comments and trailing commas allowed, unknown members and enum numbers refused.</summary>
    public static JsonSerializerOptions Read { get; } = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
    };

    /// <summary>
    /// Writing: indented, absent values left out, and text as people wrote it ("SoftBank–OpenAI", not "\u2013"): a deal
    /// book is a file to read and diff, never embedded in a page.
    /// </summary>
    public static JsonSerializerOptions Write { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };
}
