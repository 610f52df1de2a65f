using System.Text;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Intake;
using AiDeals.Web.Components.Layout;
using AiDeals.Web.Features.Accounts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace AiDeals.Web.Features.Intake;

/// <summary>
/// The news intake page: the article in, its proposals out as cards beside the article (the chosen card's sentences
/// highlighted), the analyst's decisions saved through <see cref="IntakeService"/> as one batch.
/// </summary>
public sealed partial class IntakePage : IDisposable
{
    private const long MaxFileBytes = 2 * 1024 * 1024;
    private readonly CancellationTokenSource _stop = new();
    private readonly ArticleForm _form = new() { PublishedOn = DateTime.UtcNow.Date };
    private List<Proposal>? _proposals;
    private Proposal? _selected;
    private IntakeResult? _result;
    private IntakeArticle? _article;
    private bool _reading;
    private bool _saving;
    private string? _fileProblem;

    [Inject]
    private IntakeService Intake { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthState { get; set; }

    [Inject]
    private LiveAnnouncer Announcer { get; set; } = default!;

    private int Accepted => _proposals?.Count(p => p.Decision == ProposalDecision.Accepted) ?? 0;

    private string Summary
    {
        get
        {
            var all = _proposals ?? [];
            var parts = new List<string>();
            Add(all.Count(p => p.Kind == ProposalKind.Deal), "deal", "deals");
            Add(all.Count(p => p.Kind == ProposalKind.Valuation), "valuation", "valuations");
            Add(all.Count(p => p.Kind == ProposalKind.MarketEvent), "market event", "market events");
            Add(all.Count(p => p.Existing is not null), "update of a stored deal", "updates of stored deals");
            return parts.Count == 0 ? "nothing to propose" : string.Join(", ", parts);

            void Add(int count, string one, string many)
            {
                if (count > 0)
                {
                    parts.Add($"{count} {(count == 1 ? one : many)}");
                }
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }

    private async Task FindAsync()
    {
        _reading = true;
        _article = _form.ToArticle();
        try
        {
            _proposals = [.. await Intake.ReadAsync(_article, _stop.Token)];
        }
        finally
        {
            _reading = false;
        }

        _selected = _proposals.FirstOrDefault();
        _result = null;
        Announce($"{_proposals.Count} proposals found: {Summary}.");
    }

    private async Task OnFileChosenAsync(InputFileChangeEventArgs e)
    {
        _fileProblem = null;
        var file = e.File;
        if (file.Size > MaxFileBytes)
        {
            _fileProblem = $"{file.Name} is {file.Size / 1024d / 1024d:0.#} MB; an article file can be at most 2 MB.";
            return;
        }

        using var buffer = new MemoryStream();
        await using (var stream = file.OpenReadStream(MaxFileBytes, _stop.Token))
        {
            await stream.CopyToAsync(buffer, _stop.Token);
        }

        string content;
        try
        {
            content = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer.ToArray()).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            _fileProblem = $"{file.Name} is not UTF-8 text: save it as UTF-8 and upload it again.";
            return;
        }

        var article = ArticleText.Read(file.Name, content);
        if (article.Text.Length == 0)
        {
            _fileProblem = $"{file.Name} holds no readable text.";
            return;
        }

        _form.Text = article.Text.Length > ArticleForm.MaxText ? article.Text[..ArticleForm.MaxText] : article.Text;
        if (string.IsNullOrWhiteSpace(_form.Title) && article.Title is { } title)
        {
            _form.Title = title;
        }
    }

    private void Select(Proposal proposal) => _selected = proposal;

    private void AcceptAll()
    {
        foreach (var proposal in _proposals ?? [])
        {
            proposal.Decision = ProposalDecision.Accepted;
        }

        Announce($"All {Accepted} proposals accepted.");
    }

    // An unknown name mapped to a stored organization is that organization on every card that names it.
    private void Map((string Name, EntityOption? Organization) mapping)
    {
        foreach (var proposal in _proposals ?? [])
        {
            proposal.Investors = [.. proposal.Investors.Select(Swap)];
            proposal.Target = proposal.Target is null ? null : Swap(proposal.Target);
        }

        ProposedParty Swap(ProposedParty party) =>
            !string.Equals(party.Name, mapping.Name, StringComparison.OrdinalIgnoreCase) || party.IsKnown ? party
            : mapping.Organization is { } organization ? new ProposedParty(organization.Name, organization.Id, party.Type)
            : party;
    }

    private async Task SaveAsync()
    {
        if (_proposals is null || _article is null)
        {
            return;
        }

        _saving = true;
        try
        {
            _result = await Intake.AcceptAsync(await AuthState.GetActorAsync(), _article, _proposals, _stop.Token);
        }
        finally
        {
            _saving = false;
        }

        var message = _result.Saved
            ? $"Saved {_result.Created} new and {_result.Updated} updated records from the article."
            : $"Nothing was saved: {_result.Problems.Count} problem{(_result.Problems.Count == 1 ? string.Empty : "s")} to fix.";
        // The live regions speak every snackbar: no second announcement.
        Snackbar.Add(message, _result.Saved ? Severity.Success : Severity.Error);
    }

    private void StartOver() => (_proposals, _selected, _result, _article) = (null, null, null, null);

    private IReadOnlyList<Proposal> WiderOf(Proposal proposal) =>
        [.. proposal.PartOf.Select(k => _proposals!.FirstOrDefault(p => p.Key == k)).OfType<Proposal>()];

    private string TitleOf(string key) =>
        _proposals?.FirstOrDefault(p => p.Key == key) is { } proposal ? $"“{proposal.Title}”:" : key.Length == 0 ? string.Empty : key + ":";

    private static string HistoryLink(IntakeResult result) => "/history?batch=" + Uri.EscapeDataString(result.Batch);

    private void Announce(string message) => Announcer.Polite(message);
}
