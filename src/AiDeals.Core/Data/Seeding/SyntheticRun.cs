using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using AiDeals.Core.Data.Configurations;
using AiDeals.Core.Domain;
using AiDeals.Core.Features.Organizations;

namespace AiDeals.Core.Data.Seeding;

/// <summary>
/// One run of the generator on an open connection: organizations and sources first, then deals with their
/// participants, citations, valuations and market events, a transaction per batch of deals.
/// </summary>
internal sealed class SyntheticRun(DbConnection connection, SyntheticDataOptions options, IProgress<SyntheticDataProgress>? progress)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private readonly SyntheticShapes _shapes = new(options.Seed);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly string[] _names = new string[options.Organizations];
    private readonly string[] _slugs = new string[options.Organizations];
    private readonly List<(ParticipantRole Role, string Name, string Slug)> _shown = [];
    private readonly StringBuilder _investorList = new();
    private readonly List<KeyValuePair<string, string>> _firstSource = [];

    // Scratch space for the organizations already drawn for one deal or one event.
    private readonly HashSet<int> _drawn = [];
    private readonly List<(int OrganizationId, ParticipantRole Role, AmountRange Commitment)> _participants = [];
    private int[] _investors = [];
    private int[] _targets = [];
    private int[]? _sourcePool;
    private int[]? _allOrganizations;

    private Random Random => _shapes.Random;

    public SyntheticDataCounts Write(CancellationToken cancellationToken)
    {
        using var tables = new SyntheticTables(connection);
        var transaction = connection.BeginTransaction();
        try
        {
            WriteOrganizations(tables);
            var sources = Math.Max(1, options.Deals / 20);
            for (var i = 0; i < sources; i++)
            {
                WriteSource(tables, tables.SourceIds + i + 1);
            }

            for (var i = 0; i < options.Deals; i++)
            {
                WriteDeal(tables, i);
                if ((i + 1) % 100 == 0)
                {
                    WriteMarketEvent(tables);
                }

                if ((i + 1) % options.DealsPerTransaction == 0 && i + 1 < options.Deals)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    tables.Flush();
                    transaction.Commit();
                    transaction.Dispose();
                    transaction = connection.BeginTransaction();
                }

                if ((i + 1) % SyntheticDataOptions.ProgressEvery == 0)
                {
                    progress?.Report(new SyntheticDataProgress(i + 1, tables.Rows, _clock.Elapsed));
                }
            }

            WriteAudit(tables);
            tables.Flush();
            transaction.Commit();
        }
        finally
        {
            transaction.Dispose();
        }

        return tables.Counts;
    }

    private void WriteOrganizations(SyntheticTables tables)
    {
        var investors = new List<int>();
        var targets = new List<int>();
        for (var i = 0; i < options.Organizations; i++)
        {
            var id = tables.OrganizationIds + i + 1;
            // The id in the name keeps names (and so slugs) unique, in this run and after an earlier one.
            var name = _shapes.OrganizationName(id);
            var type = _shapes.OrganizationType();
            var slug = OrganizationSlug.Of(name);
            (type is OrganizationType.Company or OrganizationType.Project ? targets : investors).Add(id);
            _names[i] = name;
            _slugs[i] = slug;
            tables.Organizations
                .Add(id).Add(name).Add(Organization.Normalize(name)).Add(slug).Add(type.ToString()).Add(_shapes.Country())
                .Add(Random.Next(2) == 0 ? $"https://{slug}.example" : null)
                .Add(type is OrganizationType.Company or OrganizationType.Project ? 1995 + Random.Next(30) : 1900 + Random.Next(120)).Add(0)
                .Insert();
            if (Random.Next(4) == 0)
            {
                var alias = name + " Inc.";
                tables.Aliases.Add(tables.AliasIds + tables.Aliases.Rows + 1).Add(id).Add(alias).Add(Organization.Normalize(alias)).Insert();
            }
        }

        // A handful of organizations could all be of one kind: then every organization may play either part.
        var everyone = Enumerable.Range(tables.OrganizationIds + 1, options.Organizations).ToArray();
        _investors = investors.Count > 0 ? [.. investors] : everyone;
        _targets = targets.Count > 0 ? [.. targets] : everyone;
    }

    private void WriteSource(SyntheticTables tables, int id)
    {
        var publisher = SyntheticShapes.Publishers[Random.Next(SyntheticShapes.Publishers.Length)];
        var title = $"{publisher}: AI deals report {id}";
        var url = $"https://{OrganizationSlug.Of(publisher)}.example/ai-deals/{id}";
        var published = _shapes.Date().Date;
        tables.Sources.Add(id).Add(title).Add(publisher).Add(url).Add(published).Add(0).Insert();
        if (_firstSource.Count == 0)
        {
            // Kept for the run's audit entry, which records this source's creation as the editors' saves do.
            _firstSource.AddRange([new("Title", title), new("Publisher", publisher), new("Url", url), new("PublishedOn", Day(published))]);
        }
    }

    private void WriteDeal(SyntheticTables tables, int index)
    {
        var id = tables.DealIds + index + 1;
        var targetId = _shapes.Pick(_targets, 20);
        var kind = _shapes.Kind();
        var status = _shapes.Status();
        var amount = _shapes.Amount();
        var announced = _shapes.Date();
        PartialDate? closed = status == DealStatus.Completed
            ? PartialDate.Create(announced.Date.AddDays(Random.Next(30, 400)), DatePrecision.Month)
            : null;
        // A few deals are part of an earlier one, as a tranche is part of a wider partnership.
        int? widerId = index > 0 && Random.Next(20) == 0 ? tables.DealIds + 1 + Random.Next(index) : null;
        var notes = Random.Next(3) == 0 ? "Generated deal for load and filter testing." : null;
        // The participants are drawn before the deal is written, in the same order as ever (the same rows for a seed),
        // so that the deal's row carries its first investor's name: the run sets the triggers that keep it aside.
        DrawParticipants(targetId, kind, amount);
        tables.Deals
            .Add(id).Add($"{kind} #{id}: {Name(targetId, tables)}").Add(kind.ToString()).Add(status.ToString()).Add(targetId)
            .Add(amount.Low).Add(amount.High).Add(amount.Qualifier.ToString()).Add(announced.Date).Add(announced.Precision.ToString())
            .Add(closed?.Date).Add((closed?.Precision ?? DatePrecision.Day).ToString())
            .Add(notes).Add(0).Add(Name(targetId, tables)).Add(ShownInvestors(tables, out var investorList)).Add(investorList).Insert();
        if (widerId is { } wider)
        {
            tables.DealLinks.Add(id).Add(wider).Add(0).Insert();
        }
        foreach (var (organizationId, role, commitment) in _participants)
        {
            tables.Participants
                .Add(tables.ParticipantIds + tables.Participants.Rows + 1).Add(id).Add(organizationId)
                .Add(role.ToString()).Add(commitment.Low).Add(commitment.High)
                .Add(commitment.Qualifier.ToString()).Add(0).Insert();
        }

        var sourceId = tables.SourceIds + 1 + _shapes.Pick(SourcePool(tables), 20);
        tables.Citations
            .Add(tables.CitationIds + tables.Citations.Rows + 1).Add(sourceId)
            .Add($"{Name(targetId, tables)}: {kind} reported as {amount}.").Add(id).Null().Null().Add(0).Insert();
        if (Random.Next(10) < 3)
        {
            var second = tables.SourceIds + 1 + Random.Next(tables.Sources.Rows);
            tables.Citations
                .Add(tables.CitationIds + tables.Citations.Rows + 1).Add(second).Add($"Also reported: {kind} #{id}.").Add(id).Null().Null()
                .Add(0).Insert();
        }

        // A priced round often comes with a post-money valuation of its target.
        if (amount.IsDisclosed && Random.Next(10) == 0)
        {
            var valuationId = tables.ValuationIds + tables.Valuations.Rows + 1;
            var valuation = Math.Min(AmountRange.MaxFigure, (amount.High ?? amount.Low!.Value) * (4 + Random.Next(16)));
            var kindOfValuation = Random.Next(10) < 7 ? ValuationKind.PostMoney : ValuationKind.Estimate;
            tables.Valuations
                .Add(valuationId).Add(targetId).Add(announced.Date).Add(announced.Precision.ToString()).Add(valuation)
                .Add(kindOfValuation.ToString()).Add(id).Add(0).Insert();
            if (Random.Next(2) == 0)
            {
                tables.Citations
                    .Add(tables.CitationIds + tables.Citations.Rows + 1).Add(sourceId).Add($"Valued at {AmountRange.Format(valuation)}.")
                    .Null().Add(valuationId).Null().Add(0).Insert();
            }
        }
    }

    private void DrawParticipants(int targetId, DealKind kind, AmountRange amount)
    {
        var seen = _drawn;
        seen.Clear();
        _participants.Clear();
        var count = _shapes.ParticipantCount();
        for (var attempt = 0; attempt < count * 3 && seen.Count < count; attempt++)
        {
            var organizationId = _shapes.Pick(_investors, 30);
            if (organizationId == targetId || !seen.Add(organizationId))
            {
                continue;
            }

            var commitment = AmountRange.Undisclosed;
            if (amount.Qualifier == AmountQualifier.Exact && count > 1 && Random.Next(10) < 3)
            {
                var share = amount.Low!.Value / count / 1_000_000 * 1_000_000;
                commitment = share > 0 ? AmountRange.Exact(share) : AmountRange.Undisclosed;
            }

            _participants.Add((organizationId, _shapes.Role(kind, seen.Count - 1), commitment));
        }
    }

    // The investors as the list shows them, as the triggers compute them (DealListKeys): by role (the enum's order), then
    // by name and slug as SQLite compares text (ordinal). Returns the first one's name; the list, in the kept column's form.
    private string ShownInvestors(SyntheticTables tables, out string list)
    {
        _shown.Clear();
        foreach (var (organizationId, role, _) in _participants)
        {
            var index = organizationId - tables.OrganizationIds - 1;
            _shown.Add((role, _names[index], _slugs[index]));
        }

        _shown.Sort(static (a, b) => a.Role != b.Role ? a.Role.CompareTo(b.Role)
            : string.CompareOrdinal(a.Name, b.Name) is var byName and not 0 ? byName : string.CompareOrdinal(a.Slug, b.Slug));
        _investorList.Clear();
        foreach (var (_, name, slug) in _shown)
        {
            if (_investorList.Length > 0)
            {
                _investorList.Append(DealListKeys.InvestorEnd);
            }

            _investorList.Append(name).Append(DealListKeys.NameEnd).Append(slug);
        }

        list = _investorList.ToString();
        return _shown.Count > 0 ? _shown[0].Name : string.Empty;
    }

    private void WriteMarketEvent(SyntheticTables tables)
    {
        var organizations = _drawn;
        var id = tables.MarketEventIds + tables.MarketEvents.Rows + 1;
        var occurred = PartialDate.Create(_shapes.Date().Date, Random.Next(5) == 0 ? DatePrecision.Month : DatePrecision.Day);
        var first = _shapes.Pick(AllOrganizations(tables), 50);
        long? amount = Random.Next(10) < 7 ? _shapes.Figure(9, 3) * (Random.Next(3) == 0 ? 1 : -1) : null;
        tables.MarketEvents
            .Add(id).Add(occurred.Date).Add(occurred.Precision.ToString()).Add($"{Name(first, tables)} {_shapes.EventPhrase()}")
            .Add(amount).Add(0).Insert();
        organizations.Clear();
        organizations.Add(first);
        tables.MarketEventOrganizations.Add(id).Add(first).Insert();
        var others = Random.Next(3);
        for (var i = 0; i < others; i++)
        {
            var other = tables.OrganizationIds + 1 + Random.Next(options.Organizations);
            if (organizations.Add(other))
            {
                tables.MarketEventOrganizations.Add(id).Add(other).Insert();
            }
        }

        tables.Citations
            .Add(tables.CitationIds + tables.Citations.Rows + 1).Add(tables.SourceIds + 1 + Random.Next(tables.Sources.Rows))
            .Add("Reported in the market news.").Null().Null().Add(id).Add(0).Insert();
    }

    /// <summary>
    /// One entry for the whole run, on the first source it wrote, naming what it wrote: the history shows who filled
    /// the database and when, without millions of per-row entries that would outweigh the data itself.
    /// </summary>
    private void WriteAudit(SyntheticTables tables)
    {
        var counts = tables.Counts;
        var changes = JsonSerializer.Serialize(_firstSource.ToDictionary(f => f.Key, f => new { old = (string?)null, @new = f.Value }));
        tables.AuditEntries
            .Add(nameof(Source)).Add((tables.SourceIds + 1).ToString(Invariant)).Add(nameof(AuditAction.Created))
            .Add(TimeProvider.System.GetUtcNow().UtcDateTime)
            .Add(SyntheticDataGenerator.User).Add(Reason(counts)).Add(changes).Insert();
    }

    private string Reason(SyntheticDataCounts counts) => string.Create(Invariant, $"Generated {counts} (seed {options.Seed}).");

    private int[] SourcePool(SyntheticTables tables) => _sourcePool ??= Enumerable.Range(0, tables.Sources.Rows).ToArray();

    private int[] AllOrganizations(SyntheticTables tables) =>
        _allOrganizations ??= Enumerable.Range(tables.OrganizationIds + 1, options.Organizations).ToArray();

    private string Name(int organizationId, SyntheticTables tables) => _names[organizationId - tables.OrganizationIds - 1];

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", Invariant);
}
