using System.Text;

namespace AiDeals.Core.Features.Import;

/// <summary>
/// An uploaded file checked for size and encoding, and recognized by its content: a deal book or a CSV. The checks read
/// the file once as a stream; <see cref="OpenBody"/> opens it again after its byte-order mark for the reader of its format.
/// </summary>
internal sealed record ImportText(ImportFormat Format, ImportFile File, int BodyStart)
{
    private const int ChunkBytes = 64 * 1024;

    public static UTF8Encoding StrictUtf8 { get; } = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The file's bytes after its byte-order mark (if any).</summary>
    public Stream OpenBody()
    {
        var stream = File.Open();
        stream.Seek(BodyStart, SeekOrigin.Begin);
        return stream;
    }

    /// <summary>The file checked and recognized, or the one problem that stops it from being read at all.</summary>
    public static (ImportText? Text, ImportProblem? Problem) Read(ImportFile file, ImportOptions options)
    {
        if (file.Length > options.MaxBytes)
        {
            return (null, ImportProblem.File($"The file is {Megabytes(file.Length)}; an import takes at most {Megabytes(options.MaxBytes)}. Split it into smaller files."));
        }

        using var stream = file.Open();
        var head = new byte[4];
        var headLength = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (EncodingOf(head.AsSpan(0, headLength)) is { } other)
        {
            return (null, ImportProblem.File($"The file is {other}, not UTF-8: save it as \"CSV UTF-8\" (or UTF-8 text) and upload it again."));
        }

        var bodyStart = head.AsSpan(0, headLength).StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
        stream.Seek(bodyStart, SeekOrigin.Begin);
        var (first, badLine) = FirstCharacter(stream);
        if (badLine is { } line)
        {
            return (null, new ImportProblem(line, null, null, "The file is not UTF-8 (a byte here is not UTF-8 text; Windows-1252 or Latin-1 perhaps): save it as \"CSV UTF-8\" and upload it again."));
        }

        if (first is not { } character)
        {
            return (null, ImportProblem.File("The file is empty: a deal book or a CSV with a header row and at least one deal is expected."));
        }

        return (new ImportText(character is '{' or '[' ? ImportFormat.DealBook : ImportFormat.Csv, file, bodyStart), null);
    }

    /// <summary>
    /// Decodes the whole body strictly, in chunks: its first character that is not white space (none: the file is
    /// empty), or the line of the first byte that is not UTF-8.
    /// </summary>
    private static (char? First, long? BadLine) FirstCharacter(Stream body)
    {
        var decoder = StrictUtf8.GetDecoder();
        var bytes = new byte[ChunkBytes];
        var chars = new char[StrictUtf8.GetMaxCharCount(ChunkBytes)];
        char? first = null;
        long newlines = 0;
        int read;
        do
        {
            read = body.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
            int decoded;
            try
            {
                decoded = decoder.GetChars(bytes, 0, read, chars, 0, flush: read < bytes.Length);
            }
            catch (DecoderFallbackException exception)
            {
                var at = Math.Clamp(exception.Index, 0, read);
                return (null, 1 + newlines + bytes.AsSpan(0, at).Count((byte)'\n'));
            }

            newlines += bytes.AsSpan(0, read).Count((byte)'\n');
            if (first is null && chars.AsSpan(0, decoded).IndexOfAnyExcept(WhiteSpace) is var index and >= 0)
            {
                first = chars[index];
            }
        }
        while (read == bytes.Length);

        return (first, null);
    }

    private static readonly System.Buffers.SearchValues<char> WhiteSpace = System.Buffers.SearchValues.Create(
        Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(char.IsWhiteSpace).ToArray());

    // Byte-order marks of the encodings people save by mistake ("Unicode" in Excel and Notepad is UTF-16).
    private static string? EncodingOf(ReadOnlySpan<byte> head) => head switch
    {
        [0xFF, 0xFE, 0x00, 0x00, ..] => "UTF-32 (little-endian)",
        [0x00, 0x00, 0xFE, 0xFF, ..] => "UTF-32 (big-endian)",
        [0xFF, 0xFE, ..] => "UTF-16 (little-endian, \"Unicode\" in Excel and Notepad)",
        [0xFE, 0xFF, ..] => "UTF-16 (big-endian)",
        [_, 0x00, _, 0x00, ..] or [0x00, _, 0x00, _, ..] => "UTF-16 without a byte-order mark",
        _ => null,
    };

    private static string Megabytes(long bytes) => (bytes / 1024d / 1024d).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " MB";
}
