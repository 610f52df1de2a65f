using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using AiDeals.Core.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Rates;

/// <summary>A command on a stored exchange rate: admins only, as it changes the dollar figures of deals.</summary>
public abstract class RateCommand(int id, int? version) : RowCommand<ExchangeRate>(id, version)
{
    public override bool Allows(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.IsAdmin;
    }

    protected sealed override async Task<ConflictInfo> DescribeConflictAsync(AiDealsDbContext db, int id, CancellationToken cancellationToken)
    {
        var current = await db.ExchangeRates.IgnoreQueryFilters().AsNoTracking().SingleAsync(r => r.Id == id, cancellationToken);
        var theirs = RateForm.Of(current);
        return await Conflicts.DescribeAsync(db, nameof(ExchangeRate), theirs, Conflicts.Values(theirs), cancellationToken);
    }
}

/// <summary>Saves the form over the rate it was loaded from, if nobody saved it since.</summary>
public sealed class UpdateRate(RateForm form) : RateCommand(form?.Id ?? 0, form?.Version)
{
    public RateForm Form { get; } = form ?? throw new ArgumentNullException(nameof(form));

    public override string? Reason => Form.Reason;

    public override void Validate(FieldErrors errors) => RateValidator.Validate(Form, errors);

    protected override Task CheckAsync(CommandScope scope, ExchangeRate row) => RateValidator.CheckAsync(scope, Form, row.Id);

    protected override Task ApplyAsync(CommandScope scope, ExchangeRate row)
    {
        Form.Apply(row);
        return Task.CompletedTask;
    }
}

/// <summary>Deletes a rate (softly: the history keeps it); deals it converted fall back to an earlier rate or none.</summary>
public sealed class DeleteRate(int id, int version) : RateCommand(id, version)
{
    protected override Task ApplyAsync(CommandScope scope, ExchangeRate row)
    {
        scope.Db.ExchangeRates.Remove(row);
        return Task.CompletedTask;
    }
}
