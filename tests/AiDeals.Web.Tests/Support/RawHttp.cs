using System.Net.Sockets;
using System.Text;

namespace AiDeals.Web.Tests.Support;

/// <summary>The status line, headers (names lower-cased) and body of a response read off a socket.</summary>
internal sealed record RawResponse(string StatusLine, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public int Status => int.Parse(StatusLine.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// A request written to a socket byte for byte: the target goes out as written (no client normalizes "/../" or
/// re-encodes it), and the reply is read to the end, so a body the server should not have sent would show.
/// </summary>
internal static class RawHttp
{
    /// <summary>
    /// Sends <c>METHOD target HTTP/x</c> with Host and Connection: close. HTTP/1.0 keeps the reply unchunked, so the body is
    /// everything after the headers.
    /// </summary>
    public static async Task<RawResponse> SendAsync(Uri server, string method, string target, string version, CancellationToken cancellationToken)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port, cancellationToken);
        await using var stream = tcp.GetStream();
        var request = $"{method} {target} {version}\r\nHost: {server.Authority}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.UTF8.GetBytes(request), cancellationToken);
        using var received = new MemoryStream();
        await stream.CopyToAsync(received, cancellationToken);

        var text = Encoding.UTF8.GetString(received.ToArray());
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0)
        {
            throw new InvalidOperationException($"No complete header block in the reply to {method} {target}: {text}");
        }

        var lines = text[..end].Split("\r\n");
        var headers = lines.Skip(1)
            .Select(line => line.Split(':', 2))
            .GroupBy(parts => parts[0].Trim().ToLowerInvariant())
            .ToDictionary(g => g.Key, g => string.Join(", ", g.Select(parts => parts[1].Trim())));
        return new RawResponse(lines[0], headers, text[(end + 4)..]);
    }
}
