using MudBlazor;

namespace AiDeals.Web.Components.Layout;

/// <summary>
/// The app's colors in light and dark mode. Every pair of text and background the pages use meets WCAG 2.2 AA's
/// 4.5:1 (the axe audit in the end-to-end tests checks each page in both modes): MudBlazor's default status colors
/// (orange, green and blue chips with white text, 2–3:1) and secondary text (4.45:1 on our background) do not, so they
/// are darker here in light mode, and pale with dark text in dark mode.
/// </summary>
internal static class AppTheme
{
    // Dark mode's text on its pale filled colors (chips, filled buttons).
    private const string DarkOnPale = "#10121c";

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#3949ab",
            Secondary = "#00695c",
            Info = "#1565c0",
            Success = "#2e7d32",
            Warning = "#a15c00",
            Error = "#c62828",
            TextSecondary = "#5f6166",
            TextDisabled = "#6e7076",
            AppbarBackground = "#283593",
            Background = "#f5f6fa",
            DrawerBackground = "#ffffff",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#8c9eff",
            PrimaryContrastText = DarkOnPale,
            Secondary = "#4db6ac",
            SecondaryContrastText = DarkOnPale,
            Info = "#90caf9",
            InfoContrastText = DarkOnPale,
            Success = "#81c784",
            SuccessContrastText = DarkOnPale,
            Warning = "#ffb74d",
            WarningContrastText = DarkOnPale,
            Error = "#ef9a9a",
            ErrorContrastText = DarkOnPale,
            TextSecondary = "#b4b6c2",
            TextDisabled = "#8a8c99",
            AppbarBackground = "#1a1f3a",
            Background = "#121420",
            Surface = "#1c1f2e",
            DrawerBackground = "#171a28",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["Inter", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"],
            },
        },
    };
}
