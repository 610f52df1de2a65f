using System.Globalization;
using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Features.History;
using AiDeals.Web.Components.Shared;
using AiDeals.Web.Features.Accounts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace AiDeals.Web.Features.History;

/// <summary>Every change anyone made, filtered by the address (see <see cref="HistoryFilters"/>), with Restore on deletions.</summary>
public partial class HistoryPage
{
    private const int PageSize = 25;

    private PagedResult<HistoryEntry>? _result;
    private Dictionary<long, HistoryEntry> _entries = [];
    private IReadOnlyList<ChangeRecord> _changes = [];
    private ReferenceNames _references = ReferenceNames.None;
    private bool _canEdit;
    private bool _isAdmin;
    private bool _restoring;

    [SupplyParameterFromQuery(Name = "user")]
    public string? User { get; set; }

    [SupplyParameterFromQuery(Name = "type")]
    public string? Type { get; set; }

    // Text, not int?: Blazor throws on "?id=abc" before the page can ignore it.
    [SupplyParameterFromQuery(Name = "id")]
    public string? Id { get; set; }

    [SupplyParameterFromQuery(Name = "from")]
    public string? From { get; set; }

    [SupplyParameterFromQuery(Name = "to")]
    public string? To { get; set; }

    /// <summary>The changes of one batch (an import), from the import's "See the batch in the history".</summary>
    [SupplyParameterFromQuery(Name = "batch")]
    public string? Batch { get; set; }

    [SupplyParameterFromQuery(Name = "page")]
    public string? Page { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState>? AuthState { get; set; }

    private int CurrentPage => PositiveNumber(Page) ?? 1;

    private int? RecordId => PositiveNumber(Id);

    private int PageCount => _result is null ? 1 : Math.Max(1, (int)Math.Ceiling(_result.TotalCount / (double)PageSize));

    private bool Filtered => User is not null || Type is not null || From is not null || To is not null || Batch is not null;

    private string CountText => _result is null ? "Loading…"
        : _result.TotalCount == 1 ? "1 change"
        : _result.TotalCount.ToString("N0", CultureInfo.InvariantCulture) + " changes";

    protected override async Task OnParametersSetAsync()
    {
        var actor = await AuthState.GetActorAsync();
        (_canEdit, _isAdmin) = (actor.CanEdit, actor.IsAdmin);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var filter = new HistoryFilter(
            User: string.IsNullOrWhiteSpace(User) ? null : User,
            EntityType: string.IsNullOrWhiteSpace(Type) ? null : Type,
            EntityId: RecordId,
            From: HistoryFilters.ParseDay(From),
            To: HistoryFilters.ParseDay(To),
            IncludeAccounts: _isAdmin,
            Batch: string.IsNullOrWhiteSpace(Batch) ? null : Batch);
        var result = await History.SearchAsync(filter, new PageRequest(CurrentPage - 1, PageSize));
        if (result.Items.Count == 0 && result.TotalCount > 0 && CurrentPage > 1)
        {
            // An address past the last page shows the last page, not "No changes recorded yet." beside a count.
            var last = (int)Math.Ceiling(result.TotalCount / (double)PageSize);
            Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("page", last > 1 ? last : null), replace: true);
            return;
        }

        _references = await Records.NameReferencesAsync(result.Items.Select(e => e.Change));
        _entries = result.Items.ToDictionary(e => e.Change.Id);
        _changes = result.Items.Select(e => e.Change).ToList();
        _result = result;
    }

    // The same view on another page: back and forward move between pages too.
    private void OnPageChanged(int page) => Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("page", page > 1 ? page : null));

    private static Command? RestoreOf(RestoreTarget restore) => RestoreCommands.For(restore.EntityType, restore.Id, restore.Version);

    private async Task RestoreAsync(Command restore)
    {
        _restoring = true;
        try
        {
            var result = await Commands.RunAsync(await AuthState.GetActorAsync(), restore);
            var (message, severity) = result.Outcome switch
            {
                CommandOutcome.Saved => ("Restored.", Severity.Success),
                CommandOutcome.Forbidden => ("Only analysts can restore records.", Severity.Error),
                CommandOutcome.NotFound => ("That record is gone.", Severity.Warning),
                CommandOutcome.Conflict => ("Someone changed that record meanwhile; the list shows it as it is now.", Severity.Warning),
                _ => (string.Join(" ", result.Errors.Values.SelectMany(m => m)), Severity.Error),
            };
            Snackbar.Add(message, severity);
            await LoadAsync();
        }
        finally
        {
            _restoring = false;
        }
    }

    internal static string? HrefOf(HistoryRecord record) => !record.Exists ? null : record.Kind switch
    {
        RecordKind.Deal when record.Id is { } id => $"/deals/{id}",
        RecordKind.Organization or RecordKind.Valuation when record.Slug is { } slug => OrganizationLinks.Profile(slug),
        RecordKind.MarketEvent => "/events",
        RecordKind.Source => "/sources",
        _ => null,
    };

    /// <summary>"Deal", "Participant of", "Alias of": what changed, relative to the record it belongs to.</summary>
    internal static string ChangeLabel(ChangeRecord change) => change.EntityType switch
    {
        nameof(DealParticipant) => "Participant of",
        nameof(Citation) => "Citation of",
        nameof(OrganizationAlias) => "Alias of",
        nameof(MarketEventOrganization) => "Organization of event",
        nameof(MarketEvent) => "Market event",
        nameof(Valuation) => "Valuation",
        _ => change.EntityType,
    };

    private static int? PositiveNumber(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0 ? number : null;
}
