using System.Text.Json;

namespace AiDeals.Core.Features.Import;

/// <summary>
/// Where each member and array element of a JSON file starts, by JSON path, so that a rule broken by an entry is told
/// at its line and column. A path the file does not hold (a missing member) is placed at its nearest parent.
/// </summary>
internal sealed class JsonPositions : IImportLocator
{
    private readonly Dictionary<string, long> _offsets = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<long> _lineStarts = [0];
    private readonly ReadOnlyMemory<byte> _utf8;

    private JsonPositions(ReadOnlyMemory<byte> utf8) => _utf8 = utf8;

    /// <summary>The positions of a file that parsed already (a malformed one has its JsonException's position).</summary>
    public static JsonPositions Of(ReadOnlyMemory<byte> utf8)
    {
        var positions = new JsonPositions(utf8);
        var span = utf8.Span;
        for (var i = span.IndexOf((byte)'\n'); i >= 0; i = span[(i + 1)..].IndexOf((byte)'\n') is var next and >= 0 ? i + 1 + next : -1)
        {
            positions._lineStarts.Add(i + 1);
        }

        var reader = new Utf8JsonReader(span, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var containers = new Stack<(string Path, bool IsArray, int Next)>();
        var member = "$";
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    member = containers.Peek().Path + "." + reader.GetString();
                    positions._offsets[member] = reader.TokenStartIndex;
                    break;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    containers.Push((positions.ValuePath(containers, member, reader.TokenStartIndex), reader.TokenType == JsonTokenType.StartArray, 0));
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    containers.Pop();
                    break;
                default:
                    positions.ValuePath(containers, member, reader.TokenStartIndex);
                    break;
            }
        }

        return positions;
    }

    public ImportProblem At(string path, string message)
    {
        var place = path;
        long offset;
        while (!_offsets.TryGetValue(place, out offset))
        {
            var cut = Math.Max(place.LastIndexOf('.'), place.LastIndexOf('['));
            if (cut <= 0)
            {
                offset = 0;
                break;
            }

            place = place[..cut];
        }

        var (line, column) = LineAndColumn(offset);
        return new ImportProblem(line, column, null, $"{message} (at {path})");
    }

    /// <summary>The 1-based line and column (in characters) of a byte offset.</summary>
    public (long Line, long Column) LineAndColumn(long offset)
    {
        var index = _lineStarts.BinarySearch(offset);
        var line = index >= 0 ? index : ~index - 1;
        var start = (int)_lineStarts[line];
        return (line + 1, System.Text.Encoding.UTF8.GetCharCount(_utf8.Span[start..(int)offset]) + 1);
    }

    private string ValuePath(Stack<(string Path, bool IsArray, int Next)> containers, string member, long offset)
    {
        if (containers.Count == 0)
        {
            _offsets["$"] = offset;
            return "$";
        }

        var (path, isArray, next) = containers.Pop();
        containers.Push((path, isArray, isArray ? next + 1 : next));
        if (!isArray)
        {
            return member;
        }

        var element = path + "[" + next.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";
        _offsets[element] = offset;
        return element;
    }
}
