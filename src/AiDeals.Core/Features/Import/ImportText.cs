using System.Text;

namespace AiDeals.Core.Features.Import;

/// <summary>An uploaded file checked for size and encoding, and recognized by its content: a deal book or a CSV.</summary>
internal sealed record ImportText(ImportFormat Format, ReadOnlyMemory<byte> Utf8, string Text)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The file's text, or the one problem that stops it from being read at all.</summary>
    public static (ImportText? Text, ImportProblem? Problem) Read(byte[] bytes, ImportOptions options)
    {
        if (bytes.LongLength > options.MaxBytes)
        {
            return (null, ImportProblem.File($"The file is {Megabytes(bytes.LongLength)}; an import takes at most {Megabytes(options.MaxBytes)}. Split it into smaller files."));
        }

        if (EncodingOf(bytes) is { } other)
        {
            return (null, ImportProblem.File($"The file is {other}, not UTF-8: save it as \"CSV UTF-8\" (or UTF-8 text) and upload it again."));
        }

        var body = bytes.AsMemory(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? 3 : 0);
        string text;
        try
        {
            text = StrictUtf8.GetString(body.Span);
        }
        catch (DecoderFallbackException exception)
        {
            var at = Math.Max(0, exception.Index);
            var line = 1 + body.Span[..Math.Min(at, body.Length)].Count((byte)'\n');
            return (null, new ImportProblem(line, null, null, "The file is not UTF-8 (a byte here is not UTF-8 text; Windows-1252 or Latin-1 perhaps): save it as \"CSV UTF-8\" and upload it again."));
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, ImportProblem.File("The file is empty: a deal book or a CSV with a header row and at least one deal is expected."));
        }

        var first = text.TrimStart()[0];
        return (new ImportText(first is '{' or '[' ? ImportFormat.DealBook : ImportFormat.Csv, body, text), null);
    }

    // Byte-order marks of the encodings people save by mistake ("Unicode" in Excel and Notepad is UTF-16).
    private static string? EncodingOf(byte[] bytes) => bytes switch
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
