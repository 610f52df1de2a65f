using System.Globalization;
using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using AiDeals.Core.Features.Accounts;
using AiDeals.Core.Features.Deals;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Intake;

/// <summary>What accepting an article's proposals did: saved or not, what was created and updated, and each problem by proposal.</summary>
public sealed record IntakeResult(bool Saved, int Created, int Updated, IReadOnlyList<IntakeProblem> Problems, string Batch);

/// <summary>A proposal that cannot be saved as it stands (its key; empty for the article's source), and why.</summary>
public sealed record IntakeProblem(string ProposalKey, string Message);

/// <summary>
/// News intake over the database: reads an article into proposals with the organizations the database knows and the
/// stored deals each proposal is the same deal as; accepts the analyst's choice through the editors' commands, all of it
/// one audited batch named after the article.
/// </summary>
public sealed class IntakeService(IDbContextFactory<AiDealsDbContext> contexts, CommandRunner runner, TimeProvider clock)
{
    /// <summary>An article's proposals, with every stored deal a deal proposal repeats offered as its update.</summary>
    public async Task<IReadOnlyList<Proposal>> ReadAsync(IntakeArticle article, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(article);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var organizations = await db.Organizations.AsNoTracking()
            .Select(o => new { o.Id, o.Name, Aliases = o.Aliases.Select(a => a.Name).ToList() })
            .ToListAsync(cancellationToken);
        var proposals = new IntakeExtractor(organizations.Select(o => new KnownOrganization(o.Id, o.Name, o.Aliases))).Extract(article);
        var claimed = new HashSet<int>();
        foreach (var proposal in proposals.Where(p => p.Kind == ProposalKind.Deal))
        {
            proposal.Existing = await IntakeMatches.FindAsync(db, proposal, claimed, cancellationToken);
        }

        return proposals;
    }

    /// <summary>Saves the accepted proposals, all or nothing: the source once, new organizations, deals (wider ones first), figures.</summary>
    public async Task<IntakeResult> AcceptAsync(Actor actor, IntakeArticle article, IReadOnlyList<Proposal> proposals, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(proposals);
        var batch = string.Create(CultureInfo.InvariantCulture, $"News intake: {article.Title.Trim()} ({clock.GetUtcNow().UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC)");
        batch = batch.Length > AuditLimits.Batch ? batch[..AuditLimits.Batch] : batch;
        if (!actor.CanEdit)
        {
            return new IntakeResult(false, 0, 0, [new IntakeProblem(string.Empty, "Only analysts may save proposals.")], batch);
        }

        var accepted = proposals.Where(p => p.Decision == ProposalDecision.Accepted).ToList();
        if (accepted.Count == 0)
        {
            return new IntakeResult(false, 0, 0, [new IntakeProblem(string.Empty, "Accept at least one proposal to save.")], batch);
        }

        AcceptanceContext context;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            context = await AcceptanceContext.ReadAsync(db, article, accepted, cancellationToken);
        }

        var acceptance = new IntakeAcceptance(article, accepted, context);
        var result = await runner.RunBatchAsync(
            actor,
            new CommandBatch(batch, Commit: true, MaxFailures: int.MaxValue) { OnResult = acceptance.OnResult, Confirm = () => acceptance.Problems.Count == 0 },
            acceptance.Commands(),
            cancellationToken);
        return new IntakeResult(result.Committed, acceptance.Created, acceptance.Updated, acceptance.Problems, batch);
    }
}

/// <summary>What accepting needs from the database before it runs: the article's source if stored, and the stored deals to update.</summary>
internal sealed record AcceptanceContext(int? SourceId, IReadOnlyDictionary<int, DealForm> Stored)
{
    public static async Task<AcceptanceContext> ReadAsync(AiDealsDbContext db, IntakeArticle article, IReadOnlyList<Proposal> accepted, CancellationToken cancellationToken)
    {
        // The same article accepted again cites the source it created the first time.
        var url = article.Url?.Trim();
        var title = article.Title.Trim();
        var sourceId = await db.Sources.AsNoTracking()
            .Where(s => url != null && url != "" ? s.Url == url : s.Title == title && s.PublishedOn == article.PublishedOn)
            .Select(s => (int?)s.Id)
            .FirstOrDefaultAsync(cancellationToken);
        var stored = new Dictionary<int, DealForm>();
        foreach (var id in accepted.Select(p => p.Existing?.Id).OfType<int>().Distinct())
        {
            if (await DealForms.ReadAsync(db, id, cancellationToken) is { } form)
            {
                stored[id] = form;
            }
        }

        return new AcceptanceContext(sourceId, stored);
    }
}
