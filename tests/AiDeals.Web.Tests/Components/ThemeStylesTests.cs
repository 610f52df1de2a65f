using AiDeals.Web.Components.Layout;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.JSInterop;
using MudBlazor.Services;

namespace AiDeals.Web.Tests.Components;

/// <summary>The theme's stylesheet every circuit's layout shows: MudBlazor's own, for the app's theme, one per mode.</summary>
public sealed class ThemeStylesTests
{
    [Fact]
    public async Task For_EachMode_IsThatModesPaletteAndTheSameStringEachTime()
    {
        // As in the app, where the scope has a JS runtime (MudThemeProvider asks for one; nothing runs in a static render).
        await using var services = new ServiceCollection().AddLogging().AddMudServices()
            .AddScoped<IJSRuntime, NoJavaScript>().BuildServiceProvider();
        var styles = new ThemeStyles(services.GetRequiredService<IServiceScopeFactory>(), services.GetRequiredService<ILoggerFactory>());

        var light = styles.For(dark: false).Value;
        var dark = styles.For(dark: true).Value;

        // The app theme's primary color: #3949ab in light mode, #8c9eff in dark mode (AppTheme).
        Assert.Contains("--mud-palette-primary: rgba(57,73,171,1);", light, StringComparison.Ordinal);
        Assert.Contains("--mud-palette-primary: rgba(140,158,255,1);", dark, StringComparison.Ordinal);
        Assert.Contains("class='mud-theme-provider'", light, StringComparison.Ordinal);
        Assert.Same(light, styles.For(dark: false).Value);
    }

    private sealed class NoJavaScript : IJSRuntime
    {
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) => ValueTask.FromResult(default(TValue)!);

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) =>
            ValueTask.FromResult(default(TValue)!);
    }
}
