using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Accounts;
using AiDeals.Core.Features.Deals;
using AiDeals.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static AiDeals.Core.Tests.Support.DealFixtures;

namespace AiDeals.Core.Tests;

/// <summary>Two analysts edit the same deal: the second save is a conflict that says who, when and what, never an overwrite.</summary>
public class DealConflictTests
{
    private static readonly Actor Ann = Actor.Create("ann@aideals.test", Roles.Analyst);
    private static readonly Actor Bob = Actor.Create("bob@aideals.test", Roles.Analyst);
    private static readonly DateTimeOffset AnnSavesAt = new(2025, 3, 3, 14, 5, 0, TimeSpan.Zero);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UpdateDealAsync_StaleForm_IsAConflictWithTheFirstAnalystsNameTimeAndValues()
    {
        await using var database = await SeededWithClockAsync();
        var annsForm = await FormOfAsync(database, Equity);
        var bobsForm = await FormOfAsync(database, Equity);
        var originalNotes = annsForm.Notes;
        annsForm.AmountHigh = 30_000_000_000;
        var annSaved = await database.Commands.RunAsync(Ann, new UpdateDeal(annsForm), Token);
        bobsForm.Status = DealStatus.Completed;
        bobsForm.Notes = "Closed, says Bob.";

        var result = await database.Commands.RunAsync(Bob, new UpdateDeal(bobsForm), Token);

        Assert.Equal(CommandOutcome.Conflict, result.Outcome);
        var conflict = result.Conflict!;
        Assert.Equal("ann@aideals.test", conflict.ChangedBy);
        Assert.Equal(AnnSavesAt.UtcDateTime, conflict.ChangedAtUtc);
        Assert.Equal(annSaved.Version, conflict.CurrentVersion);
        Assert.Equal("30000000000", conflict.Theirs[nameof(DealForm.AmountHigh)]);
        Assert.Equal("InTalks", conflict.Theirs[nameof(DealForm.Status)]);
        Assert.Equal(originalNotes, conflict.Theirs[nameof(DealForm.Notes)]);
        Assert.Equal("OpenAI", conflict.Theirs[nameof(DealForm.TargetId)]);
        Assert.Equal("SoftBank–OpenAI AI partnership", conflict.Theirs[nameof(DealForm.PartOfIds)]);
        Assert.Equal("SoftBank Group · Lead · $15B–$25B", conflict.Theirs[nameof(DealForm.Participants)]);

        // Bob's values described the same way differ exactly where the two analysts disagree.
        var yours = await database.DealForms.DescribeFormAsync(bobsForm, Token);
        Assert.Equal(
            [nameof(DealForm.AmountHigh), nameof(DealForm.Notes), nameof(DealForm.Status)],
            yours.Keys.Where(k => yours[k] != conflict.Theirs.GetValueOrDefault(k)).Order(StringComparer.Ordinal));

        // Nothing of Bob's was written.
        var stored = await database.DealForms.GetFormAsync(bobsForm.Id, Token);
        Assert.Equal((DealStatus.InTalks, originalNotes, 30_000_000_000L), (stored!.Status, stored.Notes, stored.AmountHigh!.Value));
    }

    [Fact]
    public async Task UpdateDealAsync_SaveMineOverTheirs_SavesAndTheAuditSaysOverWhoseChange()
    {
        await using var database = await SeededWithClockAsync();
        var annsForm = await FormOfAsync(database, Equity);
        var bobsForm = await FormOfAsync(database, Equity);
        annsForm.AmountHigh = 30_000_000_000;
        await database.Commands.RunAsync(Ann, new UpdateDeal(annsForm), Token);
        bobsForm.Status = DealStatus.Completed;
        var conflict = (await database.Commands.RunAsync(Bob, new UpdateDeal(bobsForm), Token)).Conflict!;

        bobsForm.Version = conflict.CurrentVersion;
        bobsForm.Reason = Conflicts.OverwriteReason(conflict);
        var result = await database.Commands.RunAsync(Bob, new UpdateDeal(bobsForm), Token);

        Assert.Equal(CommandOutcome.Saved, result.Outcome);
        var stored = await database.DealForms.GetFormAsync(bobsForm.Id, Token);
        Assert.Equal((DealStatus.Completed, 25_000_000_000L), (stored!.Status, stored.AmountHigh!.Value));
        var audit = (await AuditsAsync(database)).Last();
        Assert.Equal(nameof(Deal), audit.EntityType);
        Assert.Equal("bob@aideals.test", audit.User);
        Assert.Equal("Saved over ann@aideals.test's change of 3 Mar 2025, 14:05 UTC", audit.Reason);
        Assert.Contains("\"AmountHigh\":{\"old\":30000000000,\"new\":25000000000}", audit.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateDealAsync_StaleAfterACitationOnlyEdit_IsAConflictNamingWhoEditedTheCitation()
    {
        await using var database = await SeededWithClockAsync();
        var annsForm = await FormOfAsync(database, Equity);
        var bobsForm = await FormOfAsync(database, Equity);
        annsForm.Citations[0].Quote += " (corrected)";
        Assert.True((await database.Commands.RunAsync(Ann, new UpdateDeal(annsForm), Token)).IsSaved);
        bobsForm.Notes = "Bob's note.";

        var result = await database.Commands.RunAsync(Bob, new UpdateDeal(bobsForm), Token);

        Assert.Equal(CommandOutcome.Conflict, result.Outcome);
        Assert.Equal("ann@aideals.test", result.Conflict!.ChangedBy);
        Assert.EndsWith("(corrected)”", result.Conflict.Theirs[nameof(DealForm.Citations)], StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateDealAsync_SomeoneSavesBetweenTheReadAndTheWrite_IsAConflictNotAnException()
    {
        await using var database = await SeededWithClockAsync();
        var form = await FormOfAsync(database, Equity);
        form.Notes = "Ann's note.";

        // Bob's save lands while Ann's command is about to write: her read saw the old version, her UPDATE finds a new one.
        var racing = new RacingContextFactory(database.Contexts, async () =>
        {
            await using var connection = await database.OpenConnectionAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """UPDATE "Deals" SET "Version" = "Version" + 1, "Status" = 'Completed' WHERE "Id" = @id""";
            var id = command.CreateParameter();
            id.ParameterName = "@id";
            id.Value = form.Id;
            command.Parameters.Add(id);
            await command.ExecuteNonQueryAsync(Token);
        });
        var commands = new CommandRunner(racing, new ChangeNotifier());

        var result = await commands.RunAsync(Ann, new UpdateDeal(form), Token);

        Assert.Equal(CommandOutcome.Conflict, result.Outcome);
        Assert.Equal(form.Version + 1, result.Conflict!.CurrentVersion);
        Assert.Equal("Completed", result.Conflict.Theirs[nameof(DealForm.Status)]);
        Assert.NotEqual("Ann's note.", (await database.DealForms.GetFormAsync(form.Id, Token))!.Notes);
    }

    private static async Task<TestDatabase> SeededWithClockAsync()
    {
        var database = await TestDatabase.CreateAsync(new FixedClock(AnnSavesAt));
        await database.Initializer.InitializeAsync(SeedData.DealBookPath, Token);
        return database;
    }

    /// <summary>Hands out contexts that run <paramref name="race"/> once, just before the first save writes.</summary>
    private sealed class RacingContextFactory(IDbContextFactory<AiDealsDbContext> inner, Func<Task> race) : IDbContextFactory<AiDealsDbContext>
    {
        private bool _raced;

        public AiDealsDbContext CreateDbContext() => Hook(inner.CreateDbContext());

        public async Task<AiDealsDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
            Hook(await inner.CreateDbContextAsync(cancellationToken));

        private AiDealsDbContext Hook(AiDealsDbContext db)
        {
            db.SavingChanges += (_, _) =>
            {
                if (!_raced)
                {
                    _raced = true;
                    race().GetAwaiter().GetResult();
                }
            };
            return db;
        }
    }
}
