using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace AiDeals.Core.Features.Intake;

/// <summary>An uploaded article as text: its readable words and, when the file gives one, its title.</summary>
public sealed record ArticleFile(string Text, string? Title);

/// <summary>
/// Reads an uploaded article: plain text and Markdown as they are (Markdown's heading marks dropped), HTML through an
/// HTML parser (AngleSharp) — scripts, styles, navigation, headers, footers and asides left out, each block (heading,
/// paragraph, list item) one line, entities decoded — never with patterns over the markup.
/// </summary>
public static class ArticleText
{
    private static readonly string[] Skipped = ["script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "svg", "iframe"];

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "P", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "BLOCKQUOTE", "PRE", "TR", "DIV", "SECTION", "ARTICLE", "FIGCAPTION", "DT", "DD", "BR",
    };

    public static ArticleFile Read(string fileName, string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var extension = Path.GetExtension(fileName ?? string.Empty).ToLowerInvariant();
        var looksHtml = extension is ".html" or ".htm" || content.TrimStart().StartsWith('<');
        if (looksHtml)
        {
            return FromHtml(content);
        }

        var lines = content.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Select(l => extension == ".md" ? l.TrimStart('#', ' ', '>') : l)
            .ToList();
        var title = extension == ".md" ? content.Split('\n').FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal))?[2..].Trim() : null;
        return new ArticleFile(string.Join('\n', lines).Trim(), title);
    }

    private static ArticleFile FromHtml(string html)
    {
        using var document = new HtmlParser().ParseDocument(html);
        foreach (var element in document.QuerySelectorAll(string.Join(',', Skipped)).ToList())
        {
            element.Remove();
        }

        var root = (IElement?)document.QuerySelector("article") ?? document.QuerySelector("main") ?? document.Body;
        var text = new StringBuilder();
        if (root is not null)
        {
            Append(root, text);
        }

        var lines = text.ToString().Split('\n').Select(l => string.Join(' ', l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).Where(l => l.Length > 0);
        var title = document.QuerySelector("h1")?.TextContent.Trim() is { Length: > 0 } h1 ? h1 : document.Title?.Trim();
        return new ArticleFile(string.Join('\n', lines), string.IsNullOrEmpty(title) ? null : title);
    }

    private static void Append(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText words)
            {
                text.Append(words.Data);
            }
            else if (child is IElement element)
            {
                var block = Blocks.Contains(element.TagName);
                if (block)
                {
                    text.Append('\n');
                }

                Append(element, text);
                if (block)
                {
                    text.Append('\n');
                }
            }
        }
    }
}
