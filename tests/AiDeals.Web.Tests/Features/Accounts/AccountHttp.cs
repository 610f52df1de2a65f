using System.Net;
using System.Text.RegularExpressions;

namespace AiDeals.Web.Tests.Features.Accounts;

/// <summary>Logs in and out over HTTP as a browser does: GET the form for its antiforgery token, POST it back.</summary>
internal static partial class AccountHttp
{
    public const string AuthCookie = "AiDeals.Auth";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A client with its own cookies that does not follow redirects, so a test sees each 302.</summary>
    public static HttpClient NewClient(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> factory) =>
        factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Posts the login form filled in as a person would, with the token from a fresh GET of the page.</summary>
    public static async Task<HttpResponseMessage> LogInAsync(HttpClient client, string email, string password, string? returnUrl = null)
    {
        var path = returnUrl is null ? "/account/login" : $"/account/login?ReturnUrl={Uri.EscapeDataString(returnUrl)}";
        var token = await TokenFromAsync(client, path);
        return await client.PostAsync(new Uri(path, UriKind.Relative), LoginForm(email, password, token), Cancel);
    }

    /// <summary>The login form's fields; <paramref name="token"/> null leaves the antiforgery token out.</summary>
    public static FormUrlEncodedContent LoginForm(string email, string password, string? token)
    {
        var fields = new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        };
        if (token is not null)
        {
            fields["__RequestVerificationToken"] = token;
        }

        return new FormUrlEncodedContent(fields);
    }

    /// <summary>The antiforgery token of the first form on the page (the login form, or the app bar's logout form).</summary>
    public static async Task<string> TokenFromAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Cancel);
        var match = TokenInput().Match(html);
        Assert.True(match.Success, $"No antiforgery token on {path}.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>
    /// Where a redirect goes, as a path and query on this site; fails when it leaves the site. (Blazor's redirects are
    /// absolute, the cookie handler's relative.)
    /// </summary>
    public static string RedirectTarget(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location ?? throw new InvalidOperationException("A redirect without a Location.");
        if (!location.IsAbsoluteUri)
        {
            return location.OriginalString;
        }

        Assert.Equal("localhost", location.Host);
        return location.PathAndQuery;
    }

    /// <summary>The Set-Cookie header that sets (or clears) the authentication cookie, or null.</summary>
    public static string? AuthCookieHeader(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.FirstOrDefault(c => c.StartsWith(AuthCookie + "=", StringComparison.Ordinal))
            : null;

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}
