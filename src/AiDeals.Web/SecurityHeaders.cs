namespace AiDeals.Web;

/// <summary>
/// The response headers a browser needs to confine the app: a Content-Security-Policy that Blazor Server and MudBlazor
/// run under, no MIME sniffing, no framing, and only the origin as referrer to other sites. HTTPS redirection and HSTS
/// are wired in Program, outside Development only.
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>
    /// <c>Https:Redirect</c>: whether plain-http requests are redirected to https outside Development (on unless set to
    /// false, e.g. behind a proxy that terminates TLS and talks http to the app; HSTS is still sent over https).
    /// </summary>
    public const string HttpsRedirectKey = "Https:Redirect";

    /// <summary>
    /// The policy, one directive per line. Every script is a file of this site (App.razor loads blazor.web.js, MudBlazor's
    /// script and app.js by address, and renders no inline script: the import map is left out because no module is
    /// imported by a bare name). Blazor Server evaluates no code in the browser, so neither 'unsafe-eval' nor
    /// 'wasm-unsafe-eval' is needed. The circuit's WebSocket and its fallbacks go to this origin, which 'self' covers
    /// (CSP 3 matches ws:/wss: of the same host). <c>dotnet watch</c>'s browser refresh opens a WebSocket on another port
    /// and is refused: reload by hand.
    /// </summary>
    public static readonly string ContentSecurityPolicy = string.Join("; ",
        "default-src 'self'",
        "script-src 'self'",
        // MudBlazor writes style="…" attributes and <style> elements (the theme's CSS variables, popover positions),
        // and Blazor sets style attributes from the circuit: without 'unsafe-inline' pages lose their layout. Styles
        // cannot run code; the scripts above stay strict.
        "style-src 'self' 'unsafe-inline'",
        // MudBlazor's stylesheet draws a few backgrounds from data: URLs.
        "img-src 'self' data:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'");

    /// <summary>
    /// The policy of the interactive API reference (Scalar, Development only): its page starts itself with an inline
    /// module script and draws with inline styles. Only that endpoint gets it; every page keeps the strict policy above.
    /// </summary>
    public static readonly string ApiReferencePolicy = string.Join("; ",
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "frame-ancestors 'none'");

    /// <summary>
    /// Sets the headers on every response: pages, static files, /health, the not-found and error pages re-executed
    /// further in. They are written when the response starts, so they replace the narrower
    /// <c>frame-ancestors 'self'</c> policy and <c>X-Frame-Options: SAMEORIGIN</c> that Blazor and antiforgery add.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var response = context.Response;
            response.OnStarting(() =>
            {
                var headers = response.Headers;
                headers.ContentSecurityPolicy = context.GetEndpoint()?.Metadata.GetMetadata<ContentSecurityPolicyMetadata>()?.Policy ?? ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                return Task.CompletedTask;
            });
            return next(context);
        });
}

/// <summary>An endpoint's own Content-Security-Policy, in place of <see cref="SecurityHeaders.ContentSecurityPolicy"/>.</summary>
internal sealed record ContentSecurityPolicyMetadata(string Policy);
