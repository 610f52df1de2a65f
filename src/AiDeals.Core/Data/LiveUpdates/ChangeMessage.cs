using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AiDeals.Core.Data.LiveUpdates;

/// <summary>
/// One change as a NOTIFY payload: the instance that saved it (so that instance ignores its own message), the entity
/// types, the time and the user. No types (<c>null</c>) means "anything may have changed".
/// </summary>
internal sealed record ChangeMessage(
    [property: JsonPropertyName("from")] Guid From,
    [property: JsonPropertyName("types")] IReadOnlyList<string>? Types,
    [property: JsonPropertyName("at")] DateTime AtUtc,
    [property: JsonPropertyName("user")] string User)
{
    /// <summary>PostgreSQL refuses a payload of 8,000 bytes or more (in its default build).</summary>
    public const int MaxPayloadBytes = 7_999;

    // Names as UTF-8, not as \u escapes six bytes each: the payload is no HTML, and a non-Latin name keeps its room.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// The payload of <paramref name="change"/>, at most <see cref="MaxPayloadBytes"/> long. A change too large to say (no
    /// save touches that many types, but a user name is the caller's text) is sent as "anything, by someone": the others
    /// reload every page rather than miss it.
    /// </summary>
    public static string Encode(Guid from, DataChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var types = change.Unknown ? null : change.EntityTypes.Order(StringComparer.Ordinal).ToList();
        var payload = JsonSerializer.Serialize(new ChangeMessage(from, types, change.AtUtc, change.User), Json);
        return Encoding.UTF8.GetByteCount(payload) <= MaxPayloadBytes
            ? payload
            : JsonSerializer.Serialize(new ChangeMessage(from, null, change.AtUtc, ""), Json);
    }

    /// <summary>Reads a payload; anything else sent on the channel (a hand-typed NOTIFY, another version) is refused.</summary>
    public static ChangeMessage? TryDecode(string payload)
    {
        try
        {
            var message = JsonSerializer.Deserialize<ChangeMessage>(payload, Json);
            return message is { From: var from, User: not null } && from != Guid.Empty ? message : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public DataChange ToChange() => new(
        Types?.ToHashSet(StringComparer.Ordinal) ?? new HashSet<string>(StringComparer.Ordinal),
        DateTime.SpecifyKind(AtUtc, DateTimeKind.Utc),
        User)
    { Unknown = Types is null };
}
