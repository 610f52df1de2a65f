using System.Text.Json.Nodes;

namespace AiDeals.Core.Tests.Support;

/// <summary>A copy of the article's deal book and its article in a temp folder, changed by the test.</summary>
internal sealed class DealBookFolder : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "aideals-core-tests", "dealbook-" + Guid.NewGuid().ToString("N"));

    public DealBookFolder(Action<JsonObject>? change = null)
    {
        Directory.CreateDirectory(_folder);
        File.Copy(SeedData.ArticlePath, Path.Combine(_folder, "article.txt"));
        var book = SeedData.ReadDealBook();
        change?.Invoke(book);
        File.WriteAllText(DealBookPath, book.ToJsonString());
    }

    public string DealBookPath => Path.Combine(_folder, "dealbook.json");

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
