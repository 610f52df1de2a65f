using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Accounts;
using AiDeals.Core.Features.Deals;
using AiDeals.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Tests;

/// <summary>
/// Two analysts save the same deal 500 times each, at the same time, through the command runner on a real SQLite file:
/// every save reported as saved is in the audit log once, under its analyst, with its value, and was made on the
/// version its analyst read — no save lands over another one that its analyst never saw.
/// </summary>
public class RacingSavesTests
{
    private const int SavesPerAnalyst = 500;

    // The overwrite variant meets about twice the conflicts per save (each one re-read with its names), so it races
    // half as many saves to stay within the same time.
    private const int OverwriteSavesPerAnalyst = 250;

    private static readonly Actor Ann = Actor.Create("ann@aideals.test", Roles.Analyst);
    private static readonly Actor Bob = Actor.Create("bob@aideals.test", Roles.Analyst);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UpdateDeal_TwoAnalystsRacing_EverySavedIsAuditedOnceOnTheVersionItRead()
    {
        await using var database = await TestDatabase.CreateAsync();
        var dealId = await CreateDealAsync(database);

        var (ann, bob) = await RaceAsync(database, dealId, SavesPerAnalyst, annSavesOverTheirs: false);

        var chain = await AssertAuditedChainAsync(database, dealId, ann.Saves.Concat(bob.Saves).ToList());
        Assert.All(chain, entry => Assert.Null(entry.Reason));
    }

    [Fact]
    public async Task UpdateDeal_OneAnalystSavesMineOverTheirs_EachOverwriteIsAuditedWithItsReason()
    {
        await using var database = await TestDatabase.CreateAsync();
        var dealId = await CreateDealAsync(database);

        var (ann, bob) = await RaceAsync(database, dealId, OverwriteSavesPerAnalyst, annSavesOverTheirs: true);

        var chain = await AssertAuditedChainAsync(database, dealId, ann.Saves.Concat(bob.Saves).ToList());
        var overwrites = ann.Saves.Where(s => s.Reason is not null).ToList();
        Assert.NotEmpty(overwrites);
        Assert.All(overwrites, s => Assert.StartsWith("Saved over bob@aideals.test's change of ", s.Reason, StringComparison.Ordinal));
        Assert.All(chain, entry => Assert.Equal(entry.Save.Reason, entry.Reason));
        Assert.All(bob.Saves, s => Assert.Null(s.Reason));
    }

    /// <summary>Runs both analysts at once; each ends with all its saves made, whatever the conflicts on the way.</summary>
    private static async Task<(Writer Ann, Writer Bob)> RaceAsync(TestDatabase database, int dealId, int savesEach, bool annSavesOverTheirs)
    {
        var ann = new Writer(database, dealId, Ann, savesEach, annSavesOverTheirs);
        var bob = new Writer(database, dealId, Bob, savesEach, savesOverTheirs: false);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var clock = Stopwatch.StartNew();
        var running = new[] { Task.Run(() => ann.RunAsync(start.Task)), Task.Run(() => bob.RunAsync(start.Task)) };
        start.SetResult();
        await Task.WhenAll(running);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{ann.Saves.Count + bob.Saves.Count} saves in {clock.Elapsed.TotalSeconds:F1} s; conflicts seen: ann {ann.ConflictCount}, bob {bob.ConflictCount}");

        Assert.Equal(savesEach, ann.Saves.Count);
        Assert.Equal(savesEach, bob.Saves.Count);

        // Both ran at once: had one finished before the other began, this would test nothing.
        Assert.True(ann.ConflictCount + bob.ConflictCount > 0, "The two analysts never met a conflict: their saves did not overlap.");
        return (ann, bob);
    }

    /// <summary>
    /// The deal's audit entries, oldest first, against the saves reported: one entry per save, versions one after another,
    /// each entry's old value the previous entry's new value (so no save replaced a value its analyst had not read).
    /// </summary>
    private static async Task<List<ChainLink>> AssertAuditedChainAsync(TestDatabase database, int dealId, List<ReportedSave> saves)
    {
        await using var db = await database.CreateContextAsync();
        var id = dealId.ToString(CultureInfo.InvariantCulture);
        var created = await db.AuditEntries.AsNoTracking()
            .SingleAsync(a => a.EntityType == nameof(Deal) && a.EntityId == id && a.Action == AuditAction.Created, Token);
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(Deal) && a.EntityId == id && a.Id > created.Id)
            .OrderBy(a => a.Id)
            .ToListAsync(Token);
        var stored = await db.Deals.AsNoTracking().SingleAsync(d => d.Id == dealId, Token);
        var firstVersion = stored.Version - entries.Count;

        Assert.Equal(saves.Count, entries.Count);
        Assert.All(saves, s => Assert.Equal(s.ReadVersion + 1, s.Version));
        Assert.Equal(Enumerable.Range(firstVersion + 1, saves.Count), saves.Select(s => s.Version).Order());

        var bySavedVersion = saves.ToDictionary(s => s.Version);
        var chain = new List<ChainLink>();
        string? previous = null;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var save = bySavedVersion[firstVersion + 1 + i];
            var notes = NotesChange(entry.Changes);
            Assert.Equal(AuditAction.Updated, entry.Action);
            Assert.Equal(save.User, entry.User);
            Assert.Equal(save.Value, notes.New);
            Assert.Equal(previous, notes.Old);
            chain.Add(new ChainLink(save, entry.Reason));
            previous = notes.New;
        }

        Assert.Equal(previous, stored.Notes);
        Assert.Equal(saves.Count, saves.Select(s => s.Value).Distinct(StringComparer.Ordinal).Count());
        return chain;
    }

    /// <summary>The Notes change of an entry that must change nothing else: the analysts changed only the notes.</summary>
    private static (string? Old, string? New) NotesChange(string changes)
    {
        using var json = JsonDocument.Parse(changes);
        var fields = json.RootElement.EnumerateObject().ToList();
        Assert.Equal([nameof(Deal.Notes)], fields.Select(f => f.Name));
        var notes = fields[0].Value;
        return (notes.GetProperty("old").GetString(), notes.GetProperty("new").GetString());
    }

    private static async Task<int> CreateDealAsync(TestDatabase database)
    {
        var form = new DealForm { Title = "Racing saves test deal", Kind = DealKind.EquityInvestment, Status = DealStatus.Announced };
        var result = await database.Commands.RunAsync(Ann, new CreateDeal(form), Token);
        Assert.True(result.IsSaved);
        return result.Id!.Value;
    }

    private sealed record ReportedSave(string User, string Value, int ReadVersion, int Version, string? Reason);

    private sealed record ChainLink(ReportedSave Save, string? Reason);

    /// <summary>
    /// One analyst in the editor: loads the deal, changes the notes and saves; on a conflict either reloads theirs and
    /// types the note again, or (<paramref name="savesOverTheirs"/>) saves the same form over theirs with the reason.
    /// </summary>
    private sealed class Writer(TestDatabase database, int dealId, Actor actor, int saves, bool savesOverTheirs)
    {
        public List<ReportedSave> Saves { get; } = [];

        public int ConflictCount { get; private set; }

        public async Task RunAsync(Task start)
        {
            await start;
            for (var i = 1; i <= saves; i++)
            {
                var value = $"{actor.UserName} save {i}";
                var form = (await database.DealForms.GetFormAsync(dealId, Token))!;
                while (true)
                {
                    form.Notes = value;
                    var readVersion = form.Version;
                    var result = await database.Commands.RunAsync(actor, new UpdateDeal(form), Token);
                    if (result.IsSaved)
                    {
                        Saves.Add(new ReportedSave(actor.UserName, value, readVersion, result.Version!.Value, form.Reason));
                        break;
                    }

                    Assert.Equal(CommandOutcome.Conflict, result.Outcome);
                    ConflictCount++;
                    if (savesOverTheirs)
                    {
                        form.Version = result.Conflict!.CurrentVersion;
                        form.Reason = Conflicts.OverwriteReason(result.Conflict);
                    }
                    else
                    {
                        form = (await database.DealForms.GetFormAsync(dealId, Token))!;
                    }
                }
            }
        }
    }
}
