using System.Globalization;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Accounts;
using AiDeals.Core.Features.Deals;
using AiDeals.Core.Features.History;
using AiDeals.Web.Features.Accounts;
using AiDeals.Web.Features.History;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace AiDeals.Web.Features.Deals;

public partial class DealDetail
{
    // Qualified: this page is named after the record it shows.
    private AiDeals.Core.Features.Deals.DealDetail? _detail;
    private IReadOnlyList<ChangeRecord> _history = [];
    private ReferenceNames _references = ReferenceNames.None;
    private Dictionary<(string, string), string> _labels = [];
    private List<BreadcrumbItem> _breadcrumbs = [];
    private bool _missing;
    private DeletedDeal? _deleted;
    private bool _busy;

    [Parameter]
    public int Id { get; set; }

    /// <summary>A past day (yyyy-MM-dd): the page shows the deal as it stood at the end of it (<see cref="History.DealAsOfView"/>).</summary>
    [SupplyParameterFromQuery(Name = "asOf")]
    public string? AsOf { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    /// <summary>The deal as the prerender read it, for the circuit that starts on the page to show without reading again.</summary>
    [PersistentState]
    public DealDetailState? Loaded { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        if (AsOf is not null)
        {
            return;
        }

        if (_detail?.Id != Id)
        {
            // A reload of the same deal (someone saved) keeps the page in place instead of flashing the loading bar.
            _detail = null;
        }

        _missing = false;
        if (_detail is null && _deleted is null && Loaded is { } loaded && loaded.Detail.Id == Id)
        {
            _history = loaded.History;
            _references = loaded.References;
            UseLabels(loaded.Detail.AuditedRecords);
            Show(loaded.Detail);
            return;
        }

        var detail = await Details.GetDetailAsync(Id);
        if (detail is null)
        {
            // A deleted deal keeps its page: what happened, its history, and (for analysts) the way back.
            _deleted = await Details.FindDeletedAsync(Id);
            if (_deleted is null)
            {
                _missing = true;
                Navigation.NotFound();
                return;
            }

            await LoadHistoryAsync(_deleted.AuditedRecords);
            _breadcrumbs = [new BreadcrumbItem("Deals", "/deals"), new BreadcrumbItem(_deleted.Title, href: null, disabled: true)];
            _detail = null;
            return;
        }

        _deleted = null;
        await LoadHistoryAsync(detail.AuditedRecords);
        Loaded = new DealDetailState(detail, _history, _references);
        Show(detail);
    }

    private void Show(AiDeals.Core.Features.Deals.DealDetail detail)
    {
        _breadcrumbs =
        [
            new BreadcrumbItem("Deals", "/deals"),
            .. detail.PartOf.Count == 1 ? [new BreadcrumbItem(detail.PartOf[0].Title, $"/deals/{detail.PartOf[0].Id}")] : Array.Empty<BreadcrumbItem>(),
            new BreadcrumbItem(detail.Title, href: null, disabled: true),
        ];
        _detail = detail;
    }

    private async Task LoadHistoryAsync(IReadOnlyList<AuditedRecord> records)
    {
        _history = await History.ListForAsync(records.Select(r => (r.EntityType, r.Id)).ToList());
        _references = await History.NameReferencesAsync(_history);
        UseLabels(records);
    }

    private void UseLabels(IReadOnlyList<AuditedRecord> records) =>
        _labels = records.ToDictionary(r => (r.EntityType, r.Id.ToString(CultureInfo.InvariantCulture)), r => r.Label);

    private string LabelOf(ChangeRecord change) =>
        _labels.TryGetValue((change.EntityType, change.EntityId), out var label) ? label : change.EntityType;

    private async Task DeleteAsync()
    {
        if (_detail is not { } detail)
        {
            return;
        }

        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Delete this deal?",
            $"“{detail.Title}”, its participants and its quotes leave the lists and the totals. Its history stays, and an analyst can restore it.",
            yesText: "Delete",
            cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }

        await RunAsync(actor => Commands.RunAsync(actor, new DeleteDeal(detail.Id, detail.Version)), $"Deleted “{detail.Title}”.");
    }

    private Task RestoreAsync() => RunAsync(actor => Commands.RunAsync(actor, new RestoreDeal(Id)), $"Restored “{_deleted?.Title}”.");

    /// <summary>Runs a command as the current user (read afresh: the role may have changed), says how it went, reloads.</summary>
    private async Task RunAsync(Func<Actor, Task<CommandResult>> command, string done)
    {
        _busy = true;
        try
        {
            var result = await command(await AuthenticationState.GetActorAsync());
            var (message, severity) = result.Outcome switch
            {
                CommandOutcome.Saved => (done, Severity.Success),
                CommandOutcome.Invalid => (string.Join(" ", result.Errors.SelectMany(e => e.Value)), Severity.Error),
                CommandOutcome.Conflict => (
                    $"{result.Conflict?.ChangedBy ?? "Someone"} changed this deal at {(result.Conflict?.ChangedAtUtc is { } at ? ChangeText.When(at) : "a moment ago")}. "
                    + "The page now shows their change; look at it before you try again.",
                    Severity.Warning),
                CommandOutcome.NotFound => ("This deal is gone; someone deleted or restored it meanwhile.", Severity.Warning),
                _ => ("Only analysts and admins can delete or restore deals.", Severity.Error),
            };
            Snackbar.Add(message, severity);
            await OnParametersSetAsync();
        }
        finally
        {
            _busy = false;
        }
    }
}
