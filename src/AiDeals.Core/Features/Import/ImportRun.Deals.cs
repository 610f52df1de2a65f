using System.Text.Json;
using AiDeals.Core.Data.Seeding;
using AiDeals.Core.Domain;
using AiDeals.Core.Features.Deals;

namespace AiDeals.Core.Features.Import;

// The deals of the file: matched by external id, else by target + investor + announced period (and title when that
// is not enough), made into the editors' form, and created or updated by the editors' commands.
internal sealed partial class ImportRun
{
    private readonly HashSet<int> _matchedDeals = [];
    private readonly Dictionary<string, string> _sameRows = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The version each deal entry's save came to, for the command that links it afterwards.</summary>
    private readonly Dictionary<Entry, int> _versions = [];

    private IEnumerable<Command> DealSteps()
    {
        // In the file's order, so that new deals take ids in it. A deal names the wider deals stored or earlier in the file
        // in its own command; one that names a later deal of the file is linked once every deal has its id
        // (SetWiderDeals), in the same batch: all of it is committed or none.
        var book = source.Book.Deals ?? [];
        var later = new List<Linking>();
        for (var i = 0; i < book.Count; i++)
        {
            var (item, path) = (book[i], Path("deals", i));
            // A part is saved alone: after its wider deals' save (it names their ids), and in its own save, since a save
            // may order the inserts of deals that name a wider deal after the others, and ids follow the file's order.
            var isPart = item.WiderKeys().Count > 0;
            if (isPart)
            {
                yield return CommandBatch.SaveHere;
            }

            var entry = Begin(RecordKind.Deal, path, item.Title);
            if (item.Key is not null && !Keyed(entry, item.Key, path, _deals))
            {
                continue;
            }

            if (Form(entry, item, path) is not var (form, existing))
            {
                continue;
            }

            Linking? linking = null;
            if (item.PartOf is not null || item.Parent is not null)
            {
                if (WiderIds(item) is { } widerIds)
                {
                    form.PartOfIds = widerIds;
                }
                else
                {
                    later.Add(linking = new Linking(entry, item, path, form));
                }
            }

            if (existing is null)
            {
                yield return Run(entry, new CreateDeal(form), null, DealBookForms.DealPath, id =>
                {
                    Remember(item.Key, id);
                    linking?.Id = id;
                });
                if (isPart)
                {
                    yield return CommandBatch.SaveHere;
                }

                continue;
            }

            Remember(item.Key, existing.Id);
            linking?.Id = existing.Id;
            if (!Same(existing, form))
            {
                yield return Run(entry, new UpdateDeal(form), existing.Version, DealBookForms.DealPath);
            }
        }

        yield return CommandBatch.SaveHere;
        foreach (var linking in later.Where(l => l.Entry.Action != ImportAction.Error))
        {
            if (LinkStep(linking) is { } step)
            {
                yield return step;
            }
        }
    }

    /// <summary>The ids of the wider deals the entry names; null while one of them is not known yet (later in the file, or nowhere).</summary>
    private List<int>? WiderIds(DealBookDeal item)
    {
        var ids = new List<int>();
        foreach (var (key, _) in item.WiderKeys())
        {
            if (DealId(key) is not { } id)
            {
                return null;
            }

            ids.Add(id);
        }

        return ids;
    }

    /// <summary>The command that links a saved deal to the wider deals its entry names, if they are not its links already.</summary>
    private Command? LinkStep(Linking link)
    {
        var widerIds = new List<int>();
        foreach (var (key, at) in link.Item.WiderKeys())
        {
            if (DealId(key) is not { } widerId)
            {
                Fail(link.Entry, link.Path + at, $"No deal has the key or external id '{key}'.");
                return null;
            }

            widerIds.Add(widerId);
        }

        var version = _versions.GetValueOrDefault(link.Entry, link.Form.Version);
        return widerIds.ToHashSet().SetEquals(link.Form.PartOfIds) && widerIds.Count == link.Form.PartOfIds.Count
            ? null
            : Add(link.Entry, new SetWiderDeals(link.Id, version, widerIds), DealBookForms.DealPath);
    }

    private void Remember(string? key, int id)
    {
        if (key is not null)
        {
            _deals[key] = id;
        }
    }

    /// <summary>The entry as the editor's form (over the stored deal it matches, if any); null after a problem.</summary>
    private (DealForm Form, DealForm? Existing)? Form(Entry entry, DealBookDeal item, string path)
    {
        int? targetId = item.Target is null ? null : OrganizationId(item.Target);
        if (item.Target is not null && targetId is null)
        {
            return Refuse(entry, path + ".target", $"No organization has the key, name or alias '{item.Target}'.");
        }

        var participants = (item.Participants ?? []).Select(p => OrganizationId(p.Organization)).ToList();
        if (participants.IndexOf(null) is var unknown and >= 0)
        {
            return Refuse(entry, $"{path}.participants[{unknown}].organization", $"No organization has the key, name or alias '{item.Participants![unknown].Organization}'.");
        }

        var announced = Date(item.Announced);
        var closed = Date(item.Closed);
        if (item.Announced is not null && announced is null || item.Closed is not null && closed is null)
        {
            var (field, text) = item.Announced is not null && announced is null ? ("announced", item.Announced) : ("closed", item.Closed);
            return Refuse(entry, $"{path}.{field}", $"'{text}' is not a date: write 2025-01-27, 2025-01, 2024-Q4 or 2019.");
        }

        var sources = (item.Citations ?? []).Select(c => c.Source is { } key && _sources.TryGetValue(key, out var id) ? id : (int?)null).ToList();
        if (sources.IndexOf(null) is var noSource and >= 0)
        {
            return Refuse(entry, $"{path}.citations[{noSource}].source", $"No source has the key '{item.Citations![noSource].Source}'.");
        }

        var existing = Match(entry, item, path, targetId, announced, participants.FirstOrDefault());
        if (entry.Action == ImportAction.Error)
        {
            return null;
        }

        var form = existing is null ? new DealForm() : JsonSerializer.Deserialize<DealForm>(JsonSerializer.Serialize(existing))!;
        // A stored deal matched by its target, investor and period keeps its external id (none, often): the file's key
        // may be only another database's id for it ("deal-12").
        form.ExternalId = existing is null ? item.Key?.Trim() : form.ExternalId;
        form.Title = item.Title?.Trim() ?? form.Title;
        (form.Kind, form.Status) = (item.Kind, item.Status);
        form.TargetId = item.Target is null ? form.TargetId : targetId;
        if (item.Amount is { } amount)
        {
            (form.AmountLow, form.AmountHigh, form.AmountQualifier) = (amount.Low, amount.High, amount.Qualifier);
            form.Currency = Currencies.Normalize(amount.Currency);
        }

        (form.AnnouncedOn, form.AnnouncedPrecision) = announced is { } on ? (on.Date, on.Precision) : (form.AnnouncedOn, form.AnnouncedPrecision);
        (form.ClosedOn, form.ClosedPrecision) = closed is { } off ? (off.Date, off.Precision) : (form.ClosedOn, form.ClosedPrecision);
        form.Notes = item.Notes ?? form.Notes;
        form.OutcomeNote = item.Outcome ?? form.OutcomeNote;
        if (item.Participants is not null)
        {
            form.Participants = [.. item.Participants.Select((p, j) => Participant(existing, p, participants[j]!.Value))];
        }

        if (item.Citations is not null)
        {
            form.Citations = [.. item.Citations.Select((c, j) => new CitationForm
            {
                Id = existing?.Citations.FirstOrDefault(s => s.SourceId == sources[j] && s.Quote == c.Quote?.Trim())?.Id,
                SourceId = sources[j],
                Quote = c.Quote ?? string.Empty,
            })];
        }

        return (form, existing);
    }

    /// <summary>A participant of the file; a CSV says only who, so a stored participant keeps its role and commitment.</summary>
    private ParticipantForm Participant(DealForm? existing, DealBookParticipant participant, int organizationId)
    {
        var stored = existing?.Participants.FirstOrDefault(p => p.OrganizationId == organizationId);
        return stored is not null && source.IsCsv ? stored : new ParticipantForm
        {
            Id = stored?.Id,
            OrganizationId = organizationId,
            Role = participant.Role,
            Currency = Currencies.Normalize(participant.Commitment?.Currency),
            CommitmentLow = participant.Commitment?.Low,
            CommitmentHigh = participant.Commitment?.High,
            CommitmentQualifier = participant.Commitment?.Qualifier ?? AmountQualifier.Undisclosed,
        };
    }

    /// <summary>The stored deal the entry is: by external id, else by target, announced period and first investor (and title).</summary>
    private DealForm? Match(Entry entry, DealBookDeal item, string path, int? targetId, PartialDate? announced, int? investorId)
    {
        if (item.Key is not null && lookup.DealsByExternalId.TryGetValue(item.Key, out var byKey))
        {
            return Claim(entry, path, byKey);
        }

        var row = $"{targetId}|{announced}|{investorId}|{item.Title?.Trim()}";
        if (item.Key is null && !_sameRows.TryAdd(row, path))
        {
            Fail(entry, path, $"The same deal as line {LineOf(_sameRows[row])} (same title, target, investor and announced period): give it once.");
            return null;
        }

        var candidates = (lookup.DealsByTargetAndPeriod.GetValueOrDefault((targetId, announced?.Date, announced?.Precision ?? DatePrecision.Day)) ?? [])
            .Where(d => (d.ExternalId is null || item.Key is null) && (investorId is null || d.Participants.Any(p => p.OrganizationId == investorId)))
            .ToList();
        if (candidates.Count > 1)
        {
            candidates = [.. candidates.Where(d => string.Equals(d.Title, item.Title?.Trim(), StringComparison.OrdinalIgnoreCase))];
        }

        return candidates switch
        {
            [] => null,
            [var one] => Claim(entry, path, one),
            _ => Refuse(entry, path, $"Matches {candidates.Count} stored deals (same title, target, investor and period): give it an external id to say which.")?.Form,
        };
    }

    private DealForm? Claim(Entry entry, string path, DealForm stored)
    {
        if (_matchedDeals.Add(stored.Id))
        {
            return stored;
        }

        Fail(entry, path, $"Matches the stored deal \"{stored.Title}\" that an earlier entry of the file matches already: give it once.");
        return null;
    }

    private (DealForm Form, DealForm? Existing)? Refuse(Entry entry, string path, string message)
    {
        Fail(entry, path, message);
        return null;
    }

    private static PartialDate? Date(string? text) => PartialDate.TryParse(text, out var date) ? date : null;

    private int? DealId(string key) =>
        _deals.TryGetValue(key, out var id) ? id : lookup.DealsByExternalId.TryGetValue(key, out var stored) ? stored.Id : null;

    // Same when a save would change nothing: participants compared as a set, as the editor stores them.
    private static bool Same(DealForm stored, DealForm form)
    {
        return JsonSerializer.Serialize(Sorted(stored)) == JsonSerializer.Serialize(Sorted(form));
    }

    private static DealForm Sorted(DealForm form)
    {
        var copy = JsonSerializer.Deserialize<DealForm>(JsonSerializer.Serialize(form))!;
        copy.Participants = [.. copy.Participants.OrderBy(p => p.OrganizationId)];
        copy.Citations = [.. copy.Citations.OrderBy(c => c.SourceId).ThenBy(c => c.Quote, StringComparer.Ordinal)];
        copy.Title = copy.Title.Trim();
        copy.Notes = FormText.Blank(copy.Notes);
        copy.OutcomeNote = FormText.Blank(copy.OutcomeNote);
        return copy;
    }

    /// <summary>A deal entry that names its wider deals: linked once every deal of the file is saved.</summary>
    private sealed class Linking(Entry entry, DealBookDeal item, string path, DealForm form)
    {
        public Entry Entry { get; } = entry;

        public DealBookDeal Item { get; } = item;

        public string Path { get; } = path;

        /// <summary>The entry's form as saved: its links are the stored deal's (none for a new one).</summary>
        public DealForm Form { get; } = form;

        public int Id { get; set; }
    }
}
