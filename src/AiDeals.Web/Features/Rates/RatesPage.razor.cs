using System.Globalization;
using AiDeals.Core.Features.Rates;
using AiDeals.Web.Features.Accounts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace AiDeals.Web.Features.Rates;

/// <summary>
/// The admins' exchange rates page: import the ECB's CSV (a preview first, then the import), add, edit or delete one
/// rate, and browse the rates by currency. Every change runs as admin-only commands, in one batch with the deals it
/// converts again.
/// </summary>
public sealed partial class RatesPage : IDisposable
{
    private const int MaxBytes = 4 * 1024 * 1024;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private readonly CancellationTokenSource _stop = new();
    private RateEditorPanel? _editor;
    private List<RateCurrency>? _currencies;
    private List<RateForm>? _rates;
    private string? _shown;
    private string? _text;
    private string? _fileName;
    private RateImportReport? _report;
    private bool _busy;

    [Inject]
    private RateQueries Queries { get; set; } = default!;

    [Inject]
    private RateChanges Changes { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthState { get; set; }

    private static string MaxMegabytes => (MaxBytes / 1024 / 1024).ToString(Invariant);

    /// <summary>A rate as the page shows it: up to six decimals, no trailing zeros ("0.9283", "157.12").</summary>
    public static string RateText(double rate) => rate.ToString("#,##0.######", Invariant);

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }

    protected override async Task OnInitializedAsync() => await ReloadAsync();

    private async Task ReloadAsync()
    {
        _currencies = await Queries.CurrenciesAsync(_stop.Token);
        if (_shown is { } shown)
        {
            _rates = await Queries.RatesAsync(shown, cancellationToken: _stop.Token);
        }
    }

    private async Task ShowAsync(string currency)
    {
        _shown = currency;
        _rates = await Queries.RatesAsync(currency, cancellationToken: _stop.Token);
    }

    private async Task OnFileChosenAsync(InputFileChangeEventArgs e)
    {
        var file = e.File;
        (_fileName, _report, _text) = (file.Name, null, null);
        if (file.Size > MaxBytes)
        {
            _report = new RateImportReport(0, 0, 0, 0, [], false, $"The file is {file.Size / 1024d / 1024d:0.#} MB; the rates import takes at most {MaxMegabytes} MB.", string.Empty);
            return;
        }

        _busy = true;
        try
        {
            using var reader = new StreamReader(file.OpenReadStream(MaxBytes, _stop.Token));
            _text = await reader.ReadToEndAsync(_stop.Token);
            var actor = await AuthState.GetActorAsync();
            _report = await Changes.ImportAsync(actor, file.Name, _text, commit: false, _stop.Token);
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task CommitAsync()
    {
        if (_text is not { } text || _fileName is not { } name)
        {
            return;
        }

        _busy = true;
        try
        {
            var actor = await AuthState.GetActorAsync();
            _report = await Changes.ImportAsync(actor, name, text, commit: true, _stop.Token);
            if (_report.Committed)
            {
                _text = null;
                await ReloadAsync();
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task OnSavedAsync(string currency)
    {
        await ShowAsync(currency);
        await ReloadAsync();
    }

    private async Task DeleteAsync(RateForm rate)
    {
        var actor = await AuthState.GetActorAsync();
        var result = await Changes.SaveAsync(actor, new DeleteRate(rate.Id, rate.Version), rate.Currency, rate.On!.Value, _stop.Token);
        if (result.Rate.IsSaved)
        {
            Snackbar.Add($"Deleted the {rate.Currency} rate of {rate.On:yyyy-MM-dd}; {result.DealsConverted} deal(s) converted again.", Severity.Success);
        }
        else
        {
            Snackbar.Add($"The rate was not deleted ({result.Rate.Outcome}): reload and try again.", Severity.Warning);
        }

        await ReloadAsync();
    }
}
