using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace AiDeals.Web.Components.Layout;

/// <summary>
/// The app theme's stylesheet (MudBlazor's CSS variables for every color, size and font), light and dark, as
/// <c>MudThemeProvider</c> writes it, rendered once for the process. A <c>MudThemeProvider</c> in the layout built the
/// same 12,000 characters again for every circuit and kept them (twice: the tree it showed and the one before); the
/// layout now shows this one shared string.
/// </summary>
public sealed class ThemeStyles(IServiceScopeFactory scopes, ILoggerFactory loggers)
{
    private readonly Lazy<MarkupString> _light = new(() => Render(scopes, loggers, dark: false));
    private readonly Lazy<MarkupString> _dark = new(() => Render(scopes, loggers, dark: true));

    /// <summary>The <c>&lt;style&gt;</c> elements of the theme in light or dark mode.</summary>
    public MarkupString For(bool dark) => dark ? _dark.Value : _light.Value;

    private static MarkupString Render(IServiceScopeFactory scopes, ILoggerFactory loggers, bool dark) =>
        // Off the caller's synchronization context (a circuit's), on the renderer's own; MudThemeProvider renders at once.
        Task.Run(async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
            var html = await renderer.Dispatcher.InvokeAsync(async () =>
            {
                var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
                {
                    [nameof(MudThemeProvider.Theme)] = AppTheme.Theme,
                    [nameof(MudThemeProvider.IsDarkMode)] = dark,
                });
                var output = await renderer.RenderComponentAsync<MudThemeProvider>(parameters);
                return output.ToHtmlString();
            });
            return new MarkupString(html);
        }).GetAwaiter().GetResult();
}
