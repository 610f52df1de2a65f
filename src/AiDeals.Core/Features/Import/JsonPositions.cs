using System.Text.Json;

namespace AiDeals.Core.Features.Import;

/// <summary>
/// Where the entries of a deal book start, so that a rule broken by an entry is told at its line and column. Read from
/// the file as a stream in one pass that keeps little: the start of each element of the top-level lists and the count of
/// line breaks before every 64 KB. A path inside an entry ("$.deals[3].amount") is found when a problem asks for it,
/// by reading that entry again; a path the file does not hold (a missing member) is placed at its nearest parent.
/// </summary>
internal sealed class JsonPositions : IImportLocator
{
    private const int BlockBytes = 64 * 1024;

    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private readonly ImportText _text;
    private readonly Dictionary<string, long> _offsets = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<long>> _elements = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<long> _newlinesBefore = [0];
    private long _newlines;

    private JsonPositions(ImportText text) => _text = text;

    /// <summary>How many elements the top-level lists hold: the entries, counted before any is read into memory.</summary>
    public int Elements { get; private set; }

    /// <summary>
    /// The positions of the file's entries, keeping those of the first <paramref name="maxElements"/> (the rest are only
    /// counted); null when the file is not valid JSON, which the deserializer then reports at its place.
    /// </summary>
    public static JsonPositions? Read(ImportText text, int maxElements)
    {
        var positions = new JsonPositions(text);
        using var stream = text.OpenBody();
        var buffer = new byte[BlockBytes];
        var (filled, bufferStart, final) = (0, 0L, false);
        var state = new JsonReaderState(ReaderOptions);
        List<long>? list = null;
        string? member = null;
        try
        {
            while (!final)
            {
                if (filled == buffer.Length)
                {
                    // One token longer than the buffer (a long text): the buffer grows until it holds it.
                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                var read = stream.Read(buffer, filled, buffer.Length - filled);
                final = read == 0;
                positions.CountLines(buffer.AsSpan(filled, read), bufferStart + filled);
                filled += read;
                var reader = new Utf8JsonReader(buffer.AsSpan(0, filled), final, state);
                while (reader.Read())
                {
                    var at = bufferStart + reader.TokenStartIndex;
                    switch (reader.CurrentDepth, reader.TokenType)
                    {
                        case (0, JsonTokenType.StartObject or JsonTokenType.StartArray):
                            positions._offsets["$"] = at;
                            break;
                        case (1, JsonTokenType.PropertyName):
                            member = "$." + reader.GetString();
                            positions._offsets[member] = at;
                            list = null;
                            break;
                        case (1, JsonTokenType.StartArray) when member is not null:
                            list = [];
                            positions._elements[member] = list;
                            break;
                        case (2, not (JsonTokenType.EndObject or JsonTokenType.EndArray or JsonTokenType.PropertyName or JsonTokenType.Comment)) when list is not null:
                            if (++positions.Elements <= maxElements)
                            {
                                list.Add(at);
                            }

                            break;
                    }
                }

                state = reader.CurrentState;
                var consumed = (int)reader.BytesConsumed;
                buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                (filled, bufferStart) = (filled - consumed, bufferStart + consumed);
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return positions;
    }

    public ImportProblem At(string path, string message)
    {
        var (line, column) = LineAndColumn(OffsetOf(path));
        return new ImportProblem(line, column, null, $"{message} (at {path})");
    }

    /// <summary>The byte offset of the path, or of its nearest parent the file holds.</summary>
    private long OffsetOf(string path)
    {
        // "$.deals[3].amount": the entry "$.deals[3]" is read again to find what lies inside it.
        var open = path.IndexOf('[', StringComparison.Ordinal);
        var close = open < 0 ? -1 : path.IndexOf(']', open);
        if (close > 0 && _elements.TryGetValue(path[..open], out var list)
            && int.TryParse(path.AsSpan(open + 1, close - open - 1), System.Globalization.CultureInfo.InvariantCulture, out var index) && index >= 0 && index < list.Count)
        {
            var entry = path[..(close + 1)];
            if (entry.Length == path.Length)
            {
                return list[index];
            }

            var inside = ElementPaths.Of(ReadEntry(list, index), entry, list[index]);
            for (var place = path; place.Length > entry.Length; place = place[..Math.Max(place.LastIndexOf('.'), place.LastIndexOf('['))])
            {
                if (inside.TryGetValue(place, out var offset))
                {
                    return offset;
                }
            }

            return list[index];
        }

        for (var place = path; place.Length > 0; place = place[..Math.Max(0, Math.Max(place.LastIndexOf('.'), place.LastIndexOf('[')))])
        {
            if (_offsets.TryGetValue(place, out var offset))
            {
                return offset;
            }
        }

        return 0;
    }

    /// <summary>The bytes of one entry: from its start to the next entry's (or to the end of the file for the last one).</summary>
    private byte[] ReadEntry(List<long> list, int index)
    {
        var end = index + 1 < list.Count ? list[index + 1] : _text.File.Length - _text.BodyStart;
        return ReadRange(list[index], end);
    }

    /// <summary>The 1-based line and column (in characters) of a byte offset.</summary>
    private (long Line, long Column) LineAndColumn(long offset)
    {
        var block = (int)Math.Min(offset / BlockBytes, _newlinesBefore.Count - 1);
        var blockStart = (long)block * BlockBytes;
        var before = ReadRange(blockStart, offset);
        var line = 1 + _newlinesBefore[block] + before.AsSpan().Count((byte)'\n');
        var lineStart = before.AsSpan().LastIndexOf((byte)'\n') is var last and >= 0 ? blockStart + last + 1 : LineStartBefore(blockStart);
        return (line, System.Text.Encoding.UTF8.GetCharCount(ReadRange(lineStart, offset)) + 1);
    }

    /// <summary>Where the line that runs into the block at <paramref name="blockStart"/> begins (a line longer than a block).</summary>
    private long LineStartBefore(long blockStart)
    {
        for (var start = blockStart - BlockBytes; start >= 0; start -= BlockBytes)
        {
            if (ReadRange(start, start + BlockBytes).AsSpan().LastIndexOf((byte)'\n') is var last and >= 0)
            {
                return start + last + 1;
            }
        }

        return 0;
    }

    private byte[] ReadRange(long start, long end)
    {
        using var stream = _text.OpenBody();
        stream.Seek(start, SeekOrigin.Current);
        var bytes = new byte[Math.Max(0, end - start)];
        stream.ReadExactly(bytes);
        return bytes;
    }

    private void CountLines(ReadOnlySpan<byte> bytes, long start)
    {
        while (!bytes.IsEmpty)
        {
            var blockEnd = (long)_newlinesBefore.Count * BlockBytes;
            var take = (int)Math.Min(bytes.Length, blockEnd - start);
            _newlines += bytes[..take].Count((byte)'\n');
            start += take;
            bytes = bytes[take..];
            if (start == blockEnd)
            {
                _newlinesBefore.Add(_newlines);
            }
        }
    }

    /// <summary>The start of every member and element inside one entry, by JSON path (the old whole-file walk, on one entry).</summary>
    private static class ElementPaths
    {
        public static Dictionary<string, long> Of(byte[] entry, string path, long start)
        {
            var offsets = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase) { [path] = start };
            var reader = new Utf8JsonReader(entry, isFinalBlock: false, new JsonReaderState(ReaderOptions));
            var containers = new Stack<(string Path, bool IsArray, int Next)>();
            var member = path;
            try
            {
                while (reader.Read())
                {
                    var at = start + reader.TokenStartIndex;
                    switch (reader.TokenType)
                    {
                        case JsonTokenType.PropertyName:
                            member = containers.Peek().Path + "." + reader.GetString();
                            offsets[member] = at;
                            break;
                        case JsonTokenType.StartObject or JsonTokenType.StartArray:
                            containers.Push((ValuePath(offsets, containers, member, path, at), reader.TokenType == JsonTokenType.StartArray, 0));
                            break;
                        case JsonTokenType.EndObject or JsonTokenType.EndArray:
                            containers.Pop();
                            break;
                        default:
                            ValuePath(offsets, containers, member, path, at);
                            break;
                    }

                    if (containers.Count == 0)
                    {
                        // The entry ended: what follows is the next one's.
                        break;
                    }
                }
            }
            catch (JsonException)
            {
                // The entry parsed as part of the file already: only its end (cut by the slice) can stop the walk.
            }

            return offsets;
        }

        private static string ValuePath(Dictionary<string, long> offsets, Stack<(string Path, bool IsArray, int Next)> containers, string member, string root, long at)
        {
            if (containers.Count == 0)
            {
                return root;
            }

            var (path, isArray, next) = containers.Pop();
            containers.Push((path, isArray, isArray ? next + 1 : next));
            if (!isArray)
            {
                return member;
            }

            var element = path + "[" + next.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";
            offsets[element] = at;
            return element;
        }
    }
}
