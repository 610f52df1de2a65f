using System.Globalization;
using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Accounts;
using AiDeals.Core.Features.Deals;
using AiDeals.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static AiDeals.Core.Tests.Support.DealFixtures;

namespace AiDeals.Core.Tests;

/// <summary>Creating deals on the article's deal book: every rule of a deal and its rows, and the editor's look-ups.</summary>
public class DealCommandTests
{
    private static readonly Actor Analyst = Actor.Create("ann@aideals.test", Roles.Analyst);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateDealAsync_ValidForm_SavesTheDealItsParticipantsAndCitationsEachAudited()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var form = await NewFormAsync(database);

        var result = await database.Commands.RunAsync(Analyst, new CreateDeal(form), Token);

        Assert.Equal(CommandOutcome.Saved, result.Outcome);
        var detail = await database.DealDetails.GetDetailAsync(result.Id!.Value, Token);
        Assert.NotNull(detail);
        Assert.Equal("Nvidia stake in OpenAI", detail.Title);
        Assert.Equal("$1B–$2.5B", detail.Amount.ToString());
        Assert.Equal("Mar 2025", detail.Announced?.ToString());
        Assert.Equal("OpenAI", detail.Target?.Name);
        Assert.Equal(["Nvidia"], detail.Participants.Select(p => p.Organization.Name));
        Assert.Equal("“It’s a big bet.”", "“" + Assert.Single(detail.Citations).Quote + "”");
        var audits = await AuditsAsync(database);
        Assert.Contains(audits, a => a is { EntityType: nameof(Deal), Action: AuditAction.Created, User: "ann@aideals.test" }
            && a.EntityId == result.Id.Value.ToString(CultureInfo.InvariantCulture));
        Assert.Contains(audits, a => a is { EntityType: nameof(DealParticipant), Action: AuditAction.Created, User: "ann@aideals.test" });
        Assert.Contains(audits, a => a is { EntityType: nameof(Citation), Action: AuditAction.Created, User: "ann@aideals.test" });
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task CreateDealAsync_NoTitle_IsInvalidOnTitleAndSavesNothing(string title)
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var form = await NewFormAsync(database);
        form.Title = title;

        var result = await database.Commands.RunAsync(Analyst, new CreateDeal(form), Token);

        AssertInvalid(result, nameof(DealForm.Title), "Give the deal a title.");
        Assert.Equal(6, await CountDealsAsync(database));
    }

    [Fact]
    public async Task CreateDealAsync_TitleOver300Characters_IsInvalidOnTitle()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var form = await NewFormAsync(database);
        form.Title = new string('x', 301);

        AssertInvalid(await database.Commands.RunAsync(Analyst, new CreateDeal(form), Token), nameof(DealForm.Title), "At most 300 characters; this has 301.");
    }

    [Fact]
    public async Task CreateDealAsync_LowAboveHigh_IsInvalidOnTheHighAmount()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var form = await NewFormAsync(database);
        (form.AmountLow, form.AmountHigh) = (30_000_000_000, 20_000_000_000);

        var result = await database.Commands.RunAsync(Analyst, new CreateDeal(form), Token);

        AssertInvalid(result, nameof(DealForm.AmountHigh), "The low amount ($30B) is above the high amount ($20B).");
    }

    [Theory]
    [InlineData(AmountQualifier.Exact, 1_000_000_000L, 2_000_000_000L, "An exact amount needs one figure (low equal to high).")]
    [InlineData(AmountQualifier.UpTo, 1_000_000_000L, 2_000_000_000L, "An 'up to' amount has a high figure and no low figure.")]
    [InlineData(AmountQualifier.AtLeast, null, 2_000_000_000L, "An 'at least' amount has a low figure and no high figure.")]
    [InlineData(AmountQualifier.Undisclosed, 1_000_000_000L, null, "An undisclosed amount has no figures.")]
    [InlineData(AmountQualifier.Range, 1_000_000_000L, null, "A range needs a low and a high figure that differ.")]
    public async Task CreateDealAsync_QualifierThatDoesNotFitTheAmounts_IsInvalidOnTheQualifier(AmountQualifier qualifier, long? low, long? high, string message)
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var form = await NewFormAsync(database);
        (form.AmountLow, form.AmountHigh, form.AmountQualifier) = (low, high, qualifier);

        AssertInvalid(await database.Commands.RunAsync(Analyst, new CreateDeal(form), Token), nameof(DealForm.AmountQualifier), message);
    }

    [Fact]
    public async Task CreateDealAsync_NegativeAmount_IsInvalidOnThatAmount()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var form = await NewFormAsync(database);
        form.AmountLow = -5;

        AssertInvalid(await database.Commands.RunAsync(Analyst, new CreateDeal(form), Token), nameof(DealForm.AmountLow), "An amount cannot be negative.");
    }

    [Fact]
    public async Task CreateDealAsync_ClosedBeforeAnnounced_IsInvalidOnTheClosedDate()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var form = await NewFormAsync(database);
        (form.AnnouncedOn, form.AnnouncedPrecision) = (new DateOnly(2025, 3, 10), DatePrecision.Day);
        (form.ClosedOn, form.ClosedPrecision) = (new DateOnly(2025, 2, 28), DatePrecision.Day);

        var result = await database.Commands.RunAsync(Analyst, new CreateDeal(form), Token);

        AssertInvalid(result, nameof(DealForm.ClosedOn), "The deal cannot close (28 Feb 2025) before it was announced (10 Mar 2025).");
    }

    [Fact]
    public async Task CreateDealAsync_ClosedInTheAnnouncedMonthKnownToTheMonth_IsValid()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var form = await NewFormAsync(database);
        (form.AnnouncedOn, form.AnnouncedPrecision) = (new DateOnly(2025, 3, 20), DatePrecision.Day);
        (form.ClosedOn, form.ClosedPrecision) = (new DateOnly(2025, 3, 1), DatePrecision.Month);

        var result = await database.Commands.RunAsync(Analyst, new CreateDeal(form), Token);

        Assert.Equal(CommandOutcome.Saved, result.Outcome);
    }

    [Fact]
    public async Task UpdateDealAsync_PartOfItself_IsInvalidOnPartOf()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var form = await FormOfAsync(database, WeWork);
        form.PartOfIds = [form.Id];

        AssertInvalid(await database.Commands.RunAsync(Analyst, new UpdateDeal(form), Token), nameof(DealForm.PartOfIds), "A deal cannot be part of itself.");
    }

    [Fact]
    public async Task UpdateDealAsync_WiderDealPartOfOneOfItsParts_IsInvalidAndNamesTheCycle()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var form = await FormOfAsync(database, Partnership);
        form.PartOfIds = [await IdOfAsync(database, Equity)];

        var result = await database.Commands.RunAsync(Analyst, new UpdateDeal(form), Token);

        AssertInvalid(result, nameof(DealForm.PartOfIds),
            $"“{Partnership}” is part of “{Equity}” which is part of “{Partnership}”: a deal cannot be part of itself.");
    }

    [Fact]
    public async Task UpdateDealAsync_CycleThroughTwoLevels_IsInvalid()
    {
        await using var database = await TestDatabase.CreateSeededAsync();

        // WeWork under the equity deal, which is under the partnership: the partnership cannot then go under WeWork.
        var wework = await FormOfAsync(database, WeWork);
        wework.PartOfIds = [await IdOfAsync(database, Equity)];
        Assert.Equal(CommandOutcome.Saved, (await database.Commands.RunAsync(Analyst, new UpdateDeal(wework), Token)).Outcome);
        var partnership = await FormOfAsync(database, Partnership);
        partnership.PartOfIds = [await IdOfAsync(database, StargateProject), wework.Id];

        var result = await database.Commands.RunAsync(Analyst, new UpdateDeal(partnership), Token);

        AssertInvalid(result, nameof(DealForm.PartOfIds),
            $"“{Partnership}” is part of “{WeWork}” which is part of “{Equity}” which is part of “{Partnership}”: a deal cannot be part of itself.");
    }

    [Fact]
    public async Task CreateDealAsync_SameOrganizationTwice_IsInvalidOnTheSecondParticipant()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var form = await NewFormAsync(database);
        form.Participants.Add(new ParticipantForm { OrganizationId = form.Participants[0].OrganizationId, Role = ParticipantRole.Backer });

        var result = await database.Commands.RunAsync(Analyst, new CreateDeal(form), Token);

        AssertInvalid(result, "Participants[1].OrganizationId", "This organization is already a participant: an organization takes part once per deal.");
    }

    [Fact]
    public async Task CreateDealAsync_ParticipantWithoutOrganizationOrWithBadCommitment_IsInvalidOnThatRow()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var form = await NewFormAsync(database);
        form.Participants.Add(new ParticipantForm { OrganizationId = null });
        form.Participants[0].CommitmentQualifier = AmountQualifier.Range;
        (form.Participants[0].CommitmentLow, form.Participants[0].CommitmentHigh) = (5, 2);

        var result = await database.Commands.RunAsync(Analyst, new CreateDeal(form), Token);

        Assert.Equal(CommandOutcome.Invalid, result.Outcome);
        Assert.Equal(["Choose the organization."], result.Errors["Participants[1].OrganizationId"]);
        Assert.Equal(["The low amount ($5) is above the high amount ($2)."], result.Errors["Participants[0].CommitmentHigh"]);
    }

    [Fact]
    public async Task CreateDealAsync_CitationWithoutQuote_IsInvalidOnThatQuote()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var form = await NewFormAsync(database);
        form.Citations[0].Quote = " ";

        AssertInvalid(await database.Commands.RunAsync(Analyst, new CreateDeal(form), Token), "Citations[0].Quote", "Enter the quote, word for word.");
    }

    [Fact]
    public async Task CreateDealAsync_MissingTargetUmbrellaOrganizationAndSource_IsInvalidOnEach()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var form = await NewFormAsync(database);
        (form.TargetId, form.PartOfIds) = (9_999, [9_999]);
        form.Participants[0].OrganizationId = 9_998;
        form.Citations[0].SourceId = 9_997;

        var result = await database.Commands.RunAsync(Analyst, new CreateDeal(form), Token);

        Assert.Equal(CommandOutcome.Invalid, result.Outcome);
        Assert.Equal(["That organization does not exist or was deleted."], result.Errors[nameof(DealForm.TargetId)]);
        Assert.Equal(["Deal #9999 does not exist or was deleted: it cannot be a wider deal."], result.Errors[nameof(DealForm.PartOfIds)]);
        Assert.Equal(["That organization does not exist or was deleted."], result.Errors["Participants[0].OrganizationId"]);
        Assert.Equal(["That source does not exist or was deleted."], result.Errors["Citations[0].SourceId"]);
        Assert.Equal(6, await CountDealsAsync(database));
    }

    [Fact]
    public async Task CreateDealAsync_DeletedUmbrella_IsInvalid()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var wework = await FormOfAsync(database, WeWork);
        Assert.True((await database.Commands.RunAsync(Analyst, new DeleteDeal(wework.Id, wework.Version), Token)).IsSaved);
        var form = await NewFormAsync(database);
        form.PartOfIds = [wework.Id];

        AssertInvalid(await database.Commands.RunAsync(Analyst, new CreateDeal(form), Token), nameof(DealForm.PartOfIds),
            $"Deal #{wework.Id} does not exist or was deleted: it cannot be a wider deal.");
    }

    [Fact]
    public async Task SearchOptions_ByAliasAndByTitle_FindTheOrganizationAndTheUmbrella()
    {
        await using var database = await TestDatabase.CreateSeededAsync();

        var organizations = await database.Lookups.SearchAsync("softbank group corp", cancellationToken: Token);
        var umbrellas = await database.DealForms.SearchWiderOptionsAsync("PARTNERSHIP", excludeId: null, cancellationToken: Token);
        var withoutSelf = await database.DealForms.SearchWiderOptionsAsync("partnership", await IdOfAsync(database, Partnership), cancellationToken: Token);

        Assert.Equal("SoftBank Group", Assert.Single(organizations).Name);
        Assert.Contains("SoftBank Group Corp.", Assert.Single(organizations).Detail, StringComparison.Ordinal);
        Assert.Equal(Partnership, Assert.Single(umbrellas).Name);
        Assert.Empty(withoutSelf);
    }
}
