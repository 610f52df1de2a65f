using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Intake;
using Microsoft.AspNetCore.Components;

namespace AiDeals.Web.Features.Intake;

public sealed partial class ProposalCard
{
    private readonly CardDraft _draft = new();
    private string? _loaded;

    [Parameter, EditorRequired]
    public Proposal Proposal { get; set; } = default!;

    /// <summary>The proposals this deal is part of, for their titles.</summary>
    [Parameter]
    public IReadOnlyList<Proposal> Wider { get; set; } = [];

    [Parameter]
    public bool Selected { get; set; }

    /// <summary>Saved already: the card shows what was saved and takes no more changes.</summary>
    [Parameter]
    public bool Locked { get; set; }

    [Parameter]
    public EventCallback OnSelect { get; set; }

    [Parameter]
    public EventCallback OnChanged { get; set; }

    [Parameter]
    public EventCallback<(string Name, EntityOption? Organization)> OnMap { get; set; }

    private string KindLabel => Proposal.Kind switch
    {
        ProposalKind.Deal => "Deal",
        ProposalKind.Valuation => "Valuation",
        _ => "Market event",
    };

    private string DecisionLabel => Proposal.Decision switch
    {
        ProposalDecision.Accepted => "Accepted",
        ProposalDecision.Rejected => "Rejected",
        _ => "Not decided",
    };

    private string? FigureText => Proposal.Kind switch
    {
        ProposalKind.Valuation => Proposal.InDollars ? Proposal.Amount.ToString() : $"{Proposal.Amount} ({Proposal.Currency})",
        _ when Proposal.Change is { } change => (change < 0 ? "−" : "+") + AmountRange.Format(Math.Abs(change)) + (Proposal.InDollars ? string.Empty : $" ({Proposal.Currency})"),
        _ => null,
    };

    protected override void OnParametersSet()
    {
        if (_loaded == Proposal.Key)
        {
            return;
        }

        _loaded = Proposal.Key;
        (_draft.Low, _draft.High, _draft.Qualifier) = (Proposal.Amount.Low, Proposal.Amount.High, Proposal.Amount.Qualifier);
        (_draft.Date, _draft.Precision) = Proposal.Date is { } date ? (date.Date, date.Precision) : ((DateOnly?)null, DatePrecision.Month);
    }

    private Task SetTitle(string title) => Change(() => Proposal.Title = title);

    private Task SetStatus(DealStatus status) => Change(() => Proposal.Status = status);

    private Task SetKind(DealKind kind) => Change(() => Proposal.DealKind = kind);

    private Task SetLow(long? low) => Change(() => _draft.Low = low, amount: true);

    private Task SetHigh(long? high) => Change(() => _draft.High = high, amount: true);

    private Task SetQualifier(AmountQualifier qualifier) => Change(() => _draft.Qualifier = qualifier, amount: true);

    private Task SetDate(DateOnly? date) => Change(() => _draft.Date = date, date: true);

    private Task SetPrecision(DatePrecision precision) => Change(() => _draft.Precision = precision, date: true);

    private Task Accept() => Change(() => Proposal.Decision = Proposal.Decision == ProposalDecision.Accepted ? ProposalDecision.Undecided : ProposalDecision.Accepted);

    private Task Reject() => Change(() => Proposal.Decision = Proposal.Decision == ProposalDecision.Rejected ? ProposalDecision.Undecided : ProposalDecision.Rejected);

    private async Task Change(Action change, bool amount = false, bool date = false)
    {
        change();
        if (amount && AmountRange.Validate(_draft.Low, _draft.High, _draft.Qualifier) is null)
        {
            // A figure typed here is in dollars, whatever the article's currency.
            Proposal.Amount = AmountRange.Create(_draft.Low, _draft.High, _draft.Qualifier);
            Proposal.Currency = "USD";
        }

        if (date)
        {
            Proposal.Date = _draft.Date is { } on && Enum.IsDefined(_draft.Precision) ? PartialDate.Create(on, _draft.Precision) : null;
        }

        await OnChanged.InvokeAsync();
    }

    /// <summary>The card's editable figures in the shapes the shared inputs bind to.</summary>
    private sealed class CardDraft
    {
        public long? Low { get; set; }

        public long? High { get; set; }

        public AmountQualifier Qualifier { get; set; }

        public DateOnly? Date { get; set; }

        public DatePrecision Precision { get; set; }
    }
}
