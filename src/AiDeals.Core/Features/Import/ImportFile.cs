namespace AiDeals.Core.Features.Import;

/// <summary>
/// The file an import reads: opened as a stream as often as the import needs (its checks, its entries, the places of
/// its problems), so that a deal book of 100,000 deals is never held in memory whole. A file on disk (the command line,
/// an upload spooled by the Import page) or bytes already in memory (small files, tests).
/// </summary>
public abstract class ImportFile
{
    /// <summary>The size in bytes, checked against <see cref="ImportOptions.MaxBytes"/> before anything is read.</summary>
    public abstract long Length { get; }

    /// <summary>A new stream over the whole file, from its first byte; the caller disposes it.</summary>
    public abstract Stream Open();

    public static ImportFile Of(byte[] content) => new InMemory(content ?? throw new ArgumentNullException(nameof(content)));

    public static ImportFile AtPath(string path) => new OnDisk(path ?? throw new ArgumentNullException(nameof(path)));

    private sealed class InMemory(byte[] content) : ImportFile
    {
        public override long Length => content.LongLength;

        public override Stream Open() => new MemoryStream(content, writable: false);
    }

    private sealed class OnDisk(string path) : ImportFile
    {
        private readonly long _length = new FileInfo(path).Length;

        public override long Length => _length;

        // Read sequentially, and shared: a reader of the same file elsewhere (a second preview) does not stop this one.
        public override Stream Open() =>
            new FileStream(path, new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Read, Share = FileShare.Read, Options = FileOptions.SequentialScan });
    }
}
