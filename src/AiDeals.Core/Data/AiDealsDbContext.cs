using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Accounts;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Data;

/// <summary>The deals, their evidence and their audit log, and Identity's users and roles, in one database.</summary>
public class AiDealsDbContext(DbContextOptions<AiDealsDbContext> options) : IdentityDbContext<AppUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    /// <summary>
    /// The user name written into the audit entries of this context's saves: set by
    /// <see cref="AuditedContexts.CreateForAsync"/>, and a save that changes audited rows without one fails.
    /// </summary>
    public string? AuditUser { get; private set; }

    /// <summary>An optional reason written into the audit entries of this context's saves.</summary>
    public string? AuditReason { get; private set; }

    /// <summary>The batch written into the audit entries of this context's saves (see <see cref="Features.CommandRunner.RunBatchAsync"/>).</summary>
    public string? AuditBatch { get; private set; }

    /// <summary>What this context's committed saves changed, since it was created; the command runner announces it.</summary>
    internal DataChange? Changes { get; private set; }

    public DbSet<Organization> Organizations => Set<Organization>();

    public DbSet<OrganizationAlias> OrganizationAliases => Set<OrganizationAlias>();

    public DbSet<Deal> Deals => Set<Deal>();

    public DbSet<DealParticipant> DealParticipants => Set<DealParticipant>();

    public DbSet<DealLink> DealLinks => Set<DealLink>();

    public DbSet<Valuation> Valuations => Set<Valuation>();

    public DbSet<MarketEvent> MarketEvents => Set<MarketEvent>();

    public DbSet<MarketEventOrganization> MarketEventOrganizations => Set<MarketEventOrganization>();

    public DbSet<Source> Sources => Set<Source>();

    public DbSet<Citation> Citations => Set<Citation>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<ExchangeRate> ExchangeRates => Set<ExchangeRate>();

    /// <summary>The dashboard's kept counts and sums; written by the database's triggers, never by a save.</summary>
    public DbSet<Aggregates.DashboardCount> DashboardCounts => Set<Aggregates.DashboardCount>();

    public DbSet<Aggregates.ActivityMonth> ActivityMonths => Set<Aggregates.ActivityMonth>();

    public DbSet<Aggregates.OrganizationTotal> OrganizationTotals => Set<Aggregates.OrganizationTotal>();

    /// <summary>The wider deals' counted rests, kept before each write's commit (<see cref="Features.Deals.UnionRests"/>).</summary>
    public DbSet<Aggregates.UnionRest> UnionRests => Set<Aggregates.UnionRest>();

    public DbSet<Aggregates.UnionPending> UnionPending => Set<Aggregates.UnionPending>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<Features.SavedViews.SavedView> SavedViews => Set<Features.SavedViews.SavedView>();

    public DbSet<Features.Watchlists.WatchedRecord> WatchedRecords => Set<Features.Watchlists.WatchedRecord>();

    public DbSet<Features.Watchlists.Watchlist> Watchlists => Set<Features.Watchlists.Watchlist>();

    /// <summary>
    /// The keys that sign login and antiforgery cookies, shared by every instance of the app on PostgreSQL (so a cookie
    /// one instance issued is accepted by another). Never audited: each row holds a key.
    /// </summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Audit entries captured before a save and completed after it (ids of added rows are known only then).</summary>
    internal List<PendingAudit> PendingAudits { get; } = [];

    /// <summary>The transaction the audit opened for a save that had none; committed once the audit rows are in.</summary>
    internal Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? OwnedAuditTransaction { get; set; }

    internal void ActFor(string user, string? reason)
    {
        AuditUser = user;
        AuditReason = FormText.Blank(reason);
    }

    internal void InBatch(string batch) => AuditBatch = batch;

    /// <summary>
    /// Contexts are pooled (<see cref="DataServiceCollectionExtensions.AddAiDealsCore(Microsoft.Extensions.DependencyInjection.IServiceCollection, DatabaseSettings)"/>):
    /// a disposed one goes back to the pool, and the next caller must not save as this one's actor, in its batch, or
    /// announce its changes. EF resets its own state (tracked rows, transaction, connection); this resets the audit's.
    /// </summary>
    public override void Dispose()
    {
        ForgetActor();
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        ForgetActor();
        return base.DisposeAsync();
    }

    private void ForgetActor()
    {
        AuditUser = null;
        AuditReason = null;
        AuditBatch = null;
        Changes = null;
        PendingAudits.Clear();
        OwnedAuditTransaction = null;
    }

    internal void Committed(DataChange change) => Changes = Changes is null
        ? change
        : change with { EntityTypes = Changes.EntityTypes.Union(change.EntityTypes, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal) };

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Identity's tables (AspNetUsers, AspNetRoles, AspNetUserRoles, …) first, then the app's own configurations.
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AiDealsDbContext).Assembly);
        if (Database.IsNpgsql())
        {
            PostgreSqlConventions.Adjust(modelBuilder);
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in the database and stable when members are reordered.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
        if (Database.IsNpgsql())
        {
            PostgreSqlConventions.Apply(configurationBuilder);
        }
    }
}
