using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Deals;

/// <summary>
/// The rules of a deal, for every way one is written (the editor, the API, import, the deal book). A message is keyed by
/// the field that would fix it, as the form names it: <c>Participants[1].OrganizationId</c>.
/// </summary>
public static class DealValidator
{
    /// <summary>
    /// The rules each field checks alone and the rules between fields: everything that needs no database.
    /// <paramref name="dealId"/> is the stored deal's id, 0 for a new one.
    /// </summary>
    public static void Validate(DealForm form, int dealId, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(errors);
        errors.AddAnnotations(form);
        for (var i = 0; i < form.Participants.Count; i++)
        {
            errors.AddAnnotations(form.Participants[i], Participant(i));
        }

        for (var i = 0; i < form.Citations.Count; i++)
        {
            errors.AddAnnotations(form.Citations[i], Citation(i));
        }

        CheckAmount(errors, string.Empty, nameof(DealForm.AmountLow), nameof(DealForm.AmountHigh), nameof(DealForm.AmountQualifier),
            form.AmountLow, form.AmountHigh, form.AmountQualifier);
        for (var i = 0; i < form.Participants.Count; i++)
        {
            var participant = form.Participants[i];
            CheckAmount(errors, Participant(i), nameof(ParticipantForm.CommitmentLow), nameof(ParticipantForm.CommitmentHigh),
                nameof(ParticipantForm.CommitmentQualifier), participant.CommitmentLow, participant.CommitmentHigh, participant.CommitmentQualifier);
        }

        CheckCurrency(errors, nameof(DealForm.Currency), form.Currency);
        for (var i = 0; i < form.Participants.Count; i++)
        {
            CheckCurrency(errors, Participant(i) + nameof(ParticipantForm.Currency), form.Participants[i].Currency);
        }

        if (form.Announced is { } announced && form.Closed is { } closed && closed.End < announced.Date)
        {
            errors.Add(nameof(DealForm.ClosedOn), $"The deal cannot close ({closed}) before it was announced ({announced}).");
        }

        ValidateLinks(form.PartOfIds, dealId, errors);

        var seen = new HashSet<int>();
        for (var i = 0; i < form.Participants.Count; i++)
        {
            if (form.Participants[i].OrganizationId is not { } organizationId)
            {
                continue;
            }

            if (organizationId == form.TargetId)
            {
                errors.Add(Participant(i) + nameof(ParticipantForm.OrganizationId),
                    "This organization is the deal's target: the one invested in does not also take part.");
            }
            else if (!seen.Add(organizationId))
            {
                errors.Add(Participant(i) + nameof(ParticipantForm.OrganizationId),
                    "This organization is already a participant: an organization takes part once per deal.");
            }
        }
    }

    // Any ISO 4217 code is taken, with rates or not (one without converts to nothing and is left out of dollar totals).
    private static void CheckCurrency(FieldErrors errors, string key, string? currency)
    {
        if (!errors.Has(key) && !Currencies.IsKnown(currency))
        {
            errors.Add(key, Currencies.IsCode(currency) ? Currencies.UnknownMessage(currency)
                : "Write the currency as its three-letter code, such as USD, EUR or GBP.");
        }
    }

    /// <summary>
    /// The rules that read the database: the target, the wider deals, the organizations and the sources exist and are live,
    /// and no wider deal is already part of this one. <paramref name="dealId"/> is 0 for a new deal.
    /// </summary>
    public static async Task CheckAsync(CommandScope scope, DealForm form, int dealId)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(form);
        var (live, errors, cancellationToken) = (scope.Live, scope.Errors, scope.CancellationToken);
        if (FormText.Blank(form.ExternalId) is { } externalId && await live.ExternalIdTakenAsync(externalId, dealId, cancellationToken))
        {
            errors.Add(nameof(DealForm.ExternalId), $"Another deal has the external id '{externalId}'.");
        }

        var organizationIds = form.Participants.Select(p => p.OrganizationId).Append(form.TargetId).OfType<int>().Distinct().ToList();
        var liveOrganizations = await live.OrganizationsAsync(organizationIds, cancellationToken);
        if (form.TargetId is { } targetId && !liveOrganizations.Contains(targetId))
        {
            errors.Add(nameof(DealForm.TargetId), "That organization does not exist or was deleted.");
        }

        for (var i = 0; i < form.Participants.Count; i++)
        {
            if (form.Participants[i].OrganizationId is { } organizationId && !liveOrganizations.Contains(organizationId))
            {
                errors.Add(Participant(i) + nameof(ParticipantForm.OrganizationId), "That organization does not exist or was deleted.");
            }
        }

        var sourceIds = form.Citations.Select(c => c.SourceId).OfType<int>().Distinct().ToList();
        var liveSources = await live.SourcesAsync(sourceIds, cancellationToken);
        for (var i = 0; i < form.Citations.Count; i++)
        {
            if (form.Citations[i].SourceId is { } sourceId && !liveSources.Contains(sourceId))
            {
                errors.Add(Citation(i) + nameof(CitationForm.SourceId), "That source does not exist or was deleted.");
            }
        }

        if (!errors.Has(nameof(DealForm.PartOfIds)) && form.PartOfIds.Count > 0)
        {
            await DealLinkRules.CheckAsync(scope, form.PartOfIds, dealId);
        }
    }

    /// <summary>The rules of the wider deals that need no database: not the deal itself, none twice.</summary>
    internal static void ValidateLinks(IReadOnlyCollection<int> partOfIds, int dealId, FieldErrors errors)
    {
        if (dealId != 0 && partOfIds.Contains(dealId))
        {
            errors.Add(nameof(DealForm.PartOfIds), "A deal cannot be part of itself.");
        }
        else if (partOfIds.Distinct().Count() != partOfIds.Count)
        {
            errors.Add(nameof(DealForm.PartOfIds), "A wider deal is listed twice.");
        }
    }

    // AmountRange says what is wrong; the message goes next to the field that would fix it.
    private static void CheckAmount(
        FieldErrors errors, string prefix, string lowField, string highField, string qualifierField, long? low, long? high, AmountQualifier qualifier)
    {
        if (errors.Has(prefix + lowField) || errors.Has(prefix + highField) || errors.Has(prefix + qualifierField)
            || AmountRange.Validate(low, high, qualifier) is not { } message)
        {
            return;
        }

        var field = AmountRange.ValidateFigure(low) is not null ? lowField
            : AmountRange.ValidateFigure(high) is not null ? highField
            : low > high ? highField
            : qualifierField;
        errors.Add(prefix + field, message);
    }

    private static string Participant(int index) => $"{nameof(DealForm.Participants)}[{index}].";

    private static string Citation(int index) => $"{nameof(DealForm.Citations)}[{index}].";
}
