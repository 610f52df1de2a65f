using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AiDeals.Web.Components.Layout;

public partial class LiveRegions
{
    // Snackbars already spoken: the provider raises its update for every step of a snackbar's animation.
    private readonly HashSet<Snackbar> _spoken = [];
    private string _polite = string.Empty;
    private string _urgent = string.Empty;

    [Inject]
    private LiveAnnouncer Announcer { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbars { get; set; } = default!;

    protected override void OnInitialized()
    {
        Announcer.Announced += OnAnnounced;
        Snackbars.OnSnackbarsUpdated += OnSnackbarsUpdated;
    }

    private void OnAnnounced(string message, bool urgent) => _ = InvokeAsync(() => Say(message, urgent));

    private void OnSnackbarsUpdated() => _ = InvokeAsync(() =>
    {
        foreach (var snackbar in Snackbars.ShownSnackbars)
        {
            if (_spoken.Add(snackbar) && !string.IsNullOrWhiteSpace(snackbar.Message))
            {
                Say(snackbar.Message, snackbar.Severity is Severity.Error or Severity.Warning);
            }
        }

        _spoken.IntersectWith(Snackbars.ShownSnackbars);
    });

    private void Say(string message, bool urgent)
    {
        // The same words twice in a row change nothing in the DOM and would not be read again: a no-break space at the
        // end tells the two apart without a reader saying anything more.
        if (urgent)
        {
            _urgent = message == _urgent ? message + "\u00A0" : message;
        }
        else
        {
            _polite = message == _polite ? message + "\u00A0" : message;
        }

        StateHasChanged();
    }

    public void Dispose()
    {
        Announcer.Announced -= OnAnnounced;
        Snackbars.OnSnackbarsUpdated -= OnSnackbarsUpdated;
    }
}
