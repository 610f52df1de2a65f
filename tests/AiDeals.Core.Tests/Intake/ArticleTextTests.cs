using AiDeals.Core.Features.Intake;

namespace AiDeals.Core.Tests.Intake;

/// <summary>Uploaded articles as text: HTML through a parser (no scripts, navigation or markup left), Markdown without its marks.</summary>
public sealed class ArticleTextTests
{
    [Fact]
    public void Html_KeepsTheArticlesBlocksAsLines_AndDropsScriptsNavigationAndEntities()
    {
        const string html = """
            <!doctype html><html><head><title>Site · Mistral raises</title><style>p { color: red }</style></head>
            <body><nav><a href="/">Home</a> <a href="/tech">Tech</a></nav>
            <article><h1>Mistral AI Raises &euro;600 Million</h1>
            <p>Paris-based <b>Mistral AI</b> has raised &euro;600 million in a round led by General Catalyst.</p>
            <script>track("view")</script><p>It was founded in 2023 &amp; is growing.</p></article>
            <footer>© News Co</footer></body></html>
            """;

        var article = ArticleText.Read("story.html", html);

        Assert.Equal("Mistral AI Raises €600 Million", article.Title);
        Assert.Equal(
            "Mistral AI Raises €600 Million\nParis-based Mistral AI has raised €600 million in a round led by General Catalyst.\nIt was founded in 2023 & is growing.",
            article.Text);
    }

    [Fact]
    public void Markdown_TitleFromItsFirstHeading_TextWithoutHeadingMarks()
    {
        var article = ArticleText.Read("story.md", "# Amazon doubles down\n\nAmazon will invest $4 billion in Anthropic.\n> A quote.");

        Assert.Equal("Amazon doubles down", article.Title);
        Assert.Equal("Amazon doubles down\n\nAmazon will invest $4 billion in Anthropic.\nA quote.", article.Text);
    }

    [Fact]
    public void PlainText_IsKeptAsWritten()
    {
        var article = ArticleText.Read("story.txt", "SoftBank plans to invest.\r\nSecond line.\n");

        Assert.Null(article.Title);
        Assert.Equal("SoftBank plans to invest.\nSecond line.", article.Text);
    }
}
