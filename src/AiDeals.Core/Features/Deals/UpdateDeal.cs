using AiDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Deals;

/// <summary>
/// Saves the form over the deal it was loaded from (<see cref="DealForm.Id"/>) if nobody saved the deal since
/// (<see cref="DealForm.Version"/>). Participants and citations are matched by their ids: changed rows are updated,
/// rows missing from the form are deleted (softly) and rows without an id are added.
/// </summary>
public sealed class UpdateDeal(DealForm form) : DealCommand(form?.Id ?? 0, form?.Version)
{
    public DealForm Form { get; } = form ?? throw new ArgumentNullException(nameof(form));

    public override string? Reason => Form.Reason;

    public override void Validate(FieldErrors errors) => DealValidator.Validate(Form, Id, errors);

    protected override IQueryable<Deal> Load(IQueryable<Deal> rows) => WithRows(rows);

    protected override Task CheckAsync(CommandScope scope, Deal row) =>
        DealValidator.CheckAsync(scope, Form, row.Id);

    protected override async Task ApplyAsync(CommandScope scope, Deal row)
    {
        var db = scope.Db;
        var rates = await Rates.RateLookup.ForDealAsync(db, Form, scope.CancellationToken);
        DealForms.Apply(Form, row, rates);
        DealForms.Merge(db, row.Participants, Form.Participants, p => p.Id, DealForms.NewParticipant, (form, participant) => DealForms.Apply(form, participant, rates));
        DealForms.Merge(db, row.Citations, Form.Citations, c => c.Id, DealForms.NewCitation, DealForms.Apply);
        DealForms.MergeLinks(db, row, Form.PartOfIds);

        db.ChangeTracker.DetectChanges();
        if (db.ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            // The deal's version stands for the whole deal: a change to a participant or a citation alone raises it too,
            // so that a form opened before it conflicts instead of silently putting the old rows back.
            db.Entry(row).Property(d => d.Version).IsModified = true;
        }
    }
}
