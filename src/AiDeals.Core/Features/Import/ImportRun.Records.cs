using AiDeals.Core.Data.Seeding;
using AiDeals.Core.Domain;
using AiDeals.Core.Features.Citations;
using AiDeals.Core.Features.MarketEvents;
using AiDeals.Core.Features.Organizations;
using AiDeals.Core.Features.Sources;
using AiDeals.Core.Features.Valuations;

namespace AiDeals.Core.Features.Import;

// The steps of the entries other than deals. A value the file leaves out keeps the stored one.
internal sealed partial class ImportRun
{
    private readonly List<Quotes> _quotes = [];

    private IEnumerable<Command> SourceSteps()
    {
        var book = source.Book.Sources ?? [];
        for (var i = 0; i < book.Count; i++)
        {
            var (item, path) = (book[i], Path("sources", i));
            var entry = Begin(RecordKind.Source, path, item.Title);
            if (!Keyed(entry, item.Key, path, _sources))
            {
                continue;
            }

            var existing = lookup.Source(item);
            var form = new SourceForm
            {
                Title = item.Title?.Trim() ?? string.Empty,
                Publisher = item.Publisher ?? existing?.Publisher,
                Url = item.Url ?? existing?.Url,
                PublishedOn = item.PublishedOn ?? existing?.PublishedOn,
            };
            var key = item.Key!;
            if (existing is null)
            {
                yield return Run(entry, new CreateSource(form), null, Camel, id => _sources[key] = id);
                continue;
            }

            _sources[key] = existing.Id;
            if (existing.Title != form.Title || existing.Publisher != form.Publisher || existing.Url != form.Url || existing.PublishedOn != form.PublishedOn)
            {
                (form.Id, form.Version) = (existing.Id, existing.Version);
                yield return Run(entry, new UpdateSource(form), existing.Version, Camel);
            }
        }
    }

    private IEnumerable<Command> OrganizationSteps()
    {
        var book = source.Book.Organizations ?? [];
        var matched = new Dictionary<int, string>();
        for (var i = 0; i < book.Count; i++)
        {
            var (item, path) = (book[i], Path("organizations", i));
            var entry = Begin(RecordKind.Organization, path, item.Name);
            if (!Keyed(entry, item.Key, path, _organizations))
            {
                continue;
            }

            var id = lookup.Organization(item.Name) ?? (item.Aliases ?? []).Select(lookup.Organization).FirstOrDefault(a => a is not null);
            if (id is { } taken && !matched.TryAdd(taken, path))
            {
                Fail(entry, path + ".name", $"The same organization as line {LineOf(matched[taken])} (a name or alias matches): give it once.");
                continue;
            }

            var existing = id is { } found ? lookup.Organizations[found] : null;
            // Matched by an alias, the organization keeps its name: the file's name for it becomes one more alias.
            var name = existing?.Name ?? item.Name?.Trim() ?? string.Empty;
            var aliases = (existing?.Aliases.OrderBy(a => a.Id).Select(a => a.Name) ?? []).Concat(item.Aliases ?? []).Append(item.Name ?? string.Empty)
                .Where(a => !string.IsNullOrWhiteSpace(a) && Organization.Normalize(a) != Organization.Normalize(name))
                .DistinctBy(Organization.Normalize).ToList();
            var form = new OrganizationForm
            {
                Name = name,
                Aliases = aliases,
                Type = item.Type,
                Country = item.Country?.Trim().ToUpperInvariant() ?? existing?.Country,
                Website = item.Website ?? existing?.Website,
                Description = item.Description ?? existing?.Description,
                FoundedYear = item.FoundedYear ?? existing?.FoundedYear,
            };
            var key = item.Key!;
            if (existing is null)
            {
                yield return Run(entry, new CreateOrganization(form), null, Camel, created => _organizations[key] = created);
            }
            else
            {
                _organizations[key] = existing.Id;
                if (!Same(existing, form))
                {
                    (form.Id, form.Version) = (existing.Id, existing.Version);
                    yield return Run(entry, new UpdateOrganization(form), existing.Version, Camel);
                }
            }

            Quote(entry, RecordKind.Organization, () => _organizations.TryGetValue(key, out var organizationId) ? organizationId : null, item.Citations, existing?.Citations);
        }

        foreach (var command in QuoteSteps())
        {
            yield return command;
        }
    }

    private IEnumerable<Command> ValuationSteps()
    {
        var book = source.Book.Valuations ?? [];
        for (var i = 0; i < book.Count; i++)
        {
            var (item, path) = (book[i], Path("valuations", i));
            var entry = Begin(RecordKind.Valuation, path, $"{item.Organization} {item.AsOf} {item.Kind}");
            var organizationId = OrganizationId(item.Organization);
            int? dealId = item.Deal is null ? null : DealId(item.Deal);
            if (organizationId is null || !PartialDate.TryParse(item.AsOf, out var asOf) || (item.Deal is not null && dealId is null))
            {
                Fail(entry, path + (organizationId is null ? ".organization" : dealId is null && item.Deal is not null ? ".deal" : ".asOf"),
                    organizationId is null ? $"No organization has the key, name or alias '{item.Organization}'."
                    : dealId is null && item.Deal is not null ? $"No deal has the key or external id '{item.Deal}'."
                    : $"'{item.AsOf}' is not a date: write 2025-01-27, 2025-01, 2024-Q4 or 2019.");
                continue;
            }

            var existing = lookup.Valuations.FirstOrDefault(v => v.OrganizationId == organizationId && v.AsOfDate == asOf && v.Kind == item.Kind);
            var form = new ValuationForm { OrganizationId = organizationId.Value, AsOf = asOf.ToIsoString(), Amount = item.Amount, Kind = item.Kind, DealId = dealId ?? existing?.DealId };
            string ValuationPath(string field) => field switch
            {
                nameof(ValuationForm.OrganizationId) => ".organization",
                nameof(ValuationForm.DealId) => ".deal",
                _ => Camel(field),
            };
            var recordId = existing?.Id;
            if (existing is null)
            {
                yield return Run(entry, new CreateValuation(form), null, ValuationPath, created => recordId = created);
            }
            else if (existing.Amount != form.Amount || existing.DealId != form.DealId)
            {
                (form.Id, form.Version) = (existing.Id, existing.Version);
                yield return Run(entry, new UpdateValuation(form), existing.Version, ValuationPath);
            }

            Quote(entry, RecordKind.Valuation, () => recordId, item.Citations, existing?.Citations);
        }

        foreach (var command in QuoteSteps())
        {
            yield return command;
        }
    }

    private IEnumerable<Command> MarketEventSteps()
    {
        var book = source.Book.MarketEvents ?? [];
        for (var i = 0; i < book.Count; i++)
        {
            var (item, path) = (book[i], Path("marketEvents", i));
            var entry = Begin(RecordKind.MarketEvent, path, item.Title);
            var organizations = (item.Organizations ?? []).Select(OrganizationId).ToList();
            if (organizations.IndexOf(null) is var missing and >= 0)
            {
                Fail(entry, $"{path}.organizations[{missing}]", $"No organization has the key, name or alias '{item.Organizations![missing]}'.");
                continue;
            }

            if (!PartialDate.TryParse(item.Date, out var occurred))
            {
                Fail(entry, path + ".date", $"'{item.Date}' is not a date: write 2025-01-27, 2025-01, 2024-Q4 or 2019.");
                continue;
            }

            var existing = lookup.MarketEvents.FirstOrDefault(e => e.Occurred == occurred && string.Equals(e.Title, item.Title?.Trim(), StringComparison.OrdinalIgnoreCase));
            var form = new MarketEventForm
            {
                Occurred = occurred.ToIsoString(),
                Title = item.Title?.Trim() ?? string.Empty,
                Description = item.Description ?? existing?.Description,
                OrganizationIds = item.Organizations is null && existing is not null
                    ? [.. existing.Organizations.Select(o => o.OrganizationId).Order()]
                    : [.. organizations.OfType<int>().Distinct().Order()],
                Amount = item.Amount ?? existing?.Amount,
            };
            string EventPath(string field) => field switch
            {
                nameof(MarketEventForm.Occurred) => ".date",
                nameof(MarketEventForm.OrganizationIds) => ".organizations",
                _ => Camel(field),
            };
            var recordId = existing?.Id;
            if (existing is null)
            {
                yield return Run(entry, new CreateMarketEvent(form), null, EventPath, created => recordId = created);
            }
            else if (existing.Title != form.Title || existing.Description != form.Description || existing.Amount != form.Amount
                || !existing.Organizations.Select(o => o.OrganizationId).Order().SequenceEqual(form.OrganizationIds))
            {
                (form.Id, form.Version) = (existing.Id, existing.Version);
                yield return Run(entry, new UpdateMarketEvent(form), existing.Version, EventPath);
            }

            Quote(entry, RecordKind.MarketEvent, () => recordId, item.Citations, existing?.Citations);
        }

        foreach (var command in QuoteSteps())
        {
            yield return command;
        }
    }

    /// <summary>Keeps the entry's quotes for after its section is saved, when a record it creates has its id.</summary>
    private void Quote(Entry entry, RecordKind kind, Func<int?> recordId, IReadOnlyList<DealBookCitation>? citations, IEnumerable<Citation>? stored)
    {
        if (citations is { Count: > 0 })
        {
            _quotes.Add(new Quotes(entry, kind, recordId, citations, stored ?? []));
        }
    }

    /// <summary>The section's quotes, once its records are saved: of each entry that did not fail.</summary>
    private IEnumerable<Command> QuoteSteps()
    {
        yield return CommandBatch.SaveHere;
        foreach (var (entry, kind, recordId, citations, stored) in _quotes)
        {
            if (entry.Action != ImportAction.Error && recordId() is { } id)
            {
                foreach (var command in Cite(entry, kind, id, citations, stored))
                {
                    yield return command;
                }
            }
        }

        _quotes.Clear();
    }

    /// <summary>The quotes of the entry that its record does not hold yet, one command each.</summary>
    private IEnumerable<Command> Cite(Entry entry, RecordKind kind, int recordId, IReadOnlyList<DealBookCitation>? citations, IEnumerable<Citation> stored)
    {
        var held = stored.Select(c => (c.SourceId, c.Quote)).ToHashSet();
        for (var j = 0; j < (citations?.Count ?? 0); j++)
        {
            var at = $".citations[{j}]";
            if (citations![j].Source is not { } key || !_sources.TryGetValue(key, out var sourceId))
            {
                Fail(entry, entry.Path + at + ".source", $"No source has the key '{citations[j].Source}'.");
                yield break;
            }

            var quote = citations[j].Quote?.Trim() ?? string.Empty;
            if (held.Add((sourceId, quote)))
            {
                var form = new CiteRecordForm { Kind = kind, RecordId = recordId, SourceId = sourceId, Quote = quote };
                yield return Add(entry, new CiteRecord(form), field => at + (field == nameof(CiteRecordForm.SourceId) ? ".source" : field == nameof(CiteRecordForm.Quote) ? ".quote" : string.Empty));
            }
        }
    }

    /// <summary>Whether the entry has a key no earlier entry of its section took; a problem if not.</summary>
    private bool Keyed(Entry entry, string? key, string path, Dictionary<string, int> taken)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            Fail(entry, path + ".key", "A key is required here: the other entries name this one by it.");
            return false;
        }

        if (_keys.TryGetValue((taken, key), out var first))
        {
            Fail(entry, path + ".key", $"The key '{key}' is used twice (first on line {LineOf(first)}).");
            return false;
        }

        _keys[(taken, key)] = path;
        return true;
    }

    private static bool Same(Organization stored, OrganizationForm form) =>
        stored.Name == form.Name && stored.Type == form.Type && stored.Country == form.Country && stored.Website == form.Website
        && stored.Description == form.Description && stored.FoundedYear == form.FoundedYear
        && stored.Aliases.Select(a => a.NormalizedName).Order().SequenceEqual(form.CleanAliases().Select(Organization.Normalize).Order());

    private sealed record Quotes(Entry Entry, RecordKind Kind, Func<int?> RecordId, IReadOnlyList<DealBookCitation> Citations, IEnumerable<Citation> Stored);
}
