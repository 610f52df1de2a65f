using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace AiDeals.Web.Tests.BadInput;

/// <summary>
/// One hostile or malformed request of the corpus (BadInput/http-cases.json) and what the app must answer.
/// </summary>
/// <param name="Name">Unique; names the test case.</param>
/// <param name="As">Who sends it: <c>anon</c>, <c>viewer</c>, <c>analyst</c>, <c>admin</c>, or <c>raw</c> (anonymous, the target
/// written to the socket as it is, e.g. <c>/../appsettings.json</c>, which an HTTP client would normalize first).</param>
/// <param name="Method">The HTTP method; <c>LOGIN</c> logs the analyst in through the form with the target's ReturnUrl.</param>
/// <param name="Target">Path and query; <c>{text*N}</c> stands for N times "text" (<c>{a*9000}</c>, <c>{k=v&amp;*5000}</c>).</param>
/// <param name="Expect">The status: a code (<c>404</c>), a class (<c>4xx</c>), alternatives (<c>200|404</c>), or <c>login</c> /
/// <c>denied</c> / <c>local</c> for a redirect to the login page, to access denied, or anywhere on this site.</param>
/// <param name="Contains">Text the body must contain (for a redirect: the Location).</param>
/// <param name="Body">A request body, with <c>{text*N}</c> expanded; sent as a form unless <paramref name="Type"/> says otherwise.</param>
/// <param name="Type">The body's Content-Type.</param>
public sealed partial record HttpCase(
    string Name,
    string As,
    string Method,
    string Target,
    string Expect,
    string? Contains = null,
    string? Body = null,
    string? Type = null)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, ReadCommentHandling = JsonCommentHandling.Skip };

    private static readonly Lazy<IReadOnlyDictionary<string, HttpCase>> Corpus = new(Load);

    public static IReadOnlyDictionary<string, HttpCase> All => Corpus.Value;

    [JsonIgnore]
    public string ExpandedTarget => Expand(Target);

    [JsonIgnore]
    public string? ExpandedBody => Body is null ? null : Expand(Body);

    /// <summary>Whether <paramref name="status"/> is what <see cref="Expect"/> allows.</summary>
    public bool Allows(int status) => Expect.Split('|').Any(e => e switch
    {
        "login" or "denied" or "local" => status == 302,
        ['1' or '2' or '3' or '4' or '5', 'x', 'x'] => status / 100 == e[0] - '0',
        _ => int.Parse(e, System.Globalization.CultureInfo.InvariantCulture) == status,
    });

    public override string ToString() => Name;

    private static string Expand(string text) => Repeat().Replace(text, m =>
        string.Concat(Enumerable.Repeat(m.Groups[1].Value, int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))));

    private static IReadOnlyDictionary<string, HttpCase> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "BadInput", "http-cases.json");
        var cases = JsonSerializer.Deserialize<List<HttpCase>>(File.ReadAllText(path), Json)
            ?? throw new InvalidOperationException($"{path} holds no cases.");
        return cases.ToDictionary(c => c.Name, StringComparer.Ordinal);
    }

    [GeneratedRegex(@"\{([^{}*]+)\*(\d+)\}")]
    private static partial Regex Repeat();
}
