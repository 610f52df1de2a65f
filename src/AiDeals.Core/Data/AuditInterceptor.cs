using System.Text.Json;
using AiDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace AiDeals.Core.Data;

/// <summary>A change captured before a save; the entity id is read after it, when added rows have theirs.</summary>
internal sealed record PendingAudit(EntityEntry Entry, string EntityType, AuditAction Action, Dictionary<string, FieldChange> Changes);

internal sealed record FieldChange(object? Old, object? New);

/// <summary>
/// Keeps the rules every save shares: raises <see cref="EditableEntity.Version"/>, turns deletes into soft deletes,
/// keeps normalized names in step, and writes one <see cref="AuditEntry"/> per changed row in the save's transaction.
/// </summary>
public sealed class AuditInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    // Enums by name so the history reads "InTalks → Completed", not "1 → 3".
    private static readonly JsonSerializerOptions ChangesJson = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is AiDealsDbContext db && db.PendingAudits.Count == 0)
        {
            Capture(db);
            RequireActor(db);
            if (db.PendingAudits.Count > 0 && db.Database.CurrentTransaction is null)
            {
                db.OwnedAuditTransaction = db.Database.BeginTransaction();
                WithoutSavepoints(db);
            }
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is AiDealsDbContext db && db.PendingAudits.Count == 0)
        {
            Capture(db);
            RequireActor(db);
            if (db.PendingAudits.Count > 0 && db.Database.CurrentTransaction is null)
            {
                db.OwnedAuditTransaction = await db.Database.BeginTransactionAsync(cancellationToken);
                WithoutSavepoints(db);
            }
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is AiDealsDbContext db && db.PendingAudits.Count > 0)
        {
            var change = Change(db);
            var transaction = WriteAudits(db);
            try
            {
                db.SaveChanges();
                transaction?.Commit();
                db.Committed(change);
            }
            finally
            {
                // Uncommitted (the audit rows failed), disposing rolls the change back with them and frees the write lock.
                if (transaction is not null)
                {
                    transaction.Dispose();
                    db.Database.AutoSavepointsEnabled = true;
                }
            }
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is AiDealsDbContext db && db.PendingAudits.Count > 0)
        {
            var change = Change(db);
            var transaction = WriteAudits(db);
            try
            {
                if (transaction is null && BatchAuditRows.Applies(db))
                {
                    await BatchAuditRows.SaveAsync(db, cancellationToken);
                }
                else
                {
                    await db.SaveChangesAsync(cancellationToken);
                }

                if (transaction is not null)
                {
                    await transaction.CommitAsync(cancellationToken);
                }

                db.Committed(change);
            }
            finally
            {
                // Uncommitted (the audit rows failed), disposing rolls the change back with them and frees the write lock.
                if (transaction is not null)
                {
                    await transaction.DisposeAsync();
                    db.Database.AutoSavepointsEnabled = true;
                }
            }
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Abandon(eventData.Context);

    // A conflict or a cancellation ends a save without SaveChangesFailed: without these the failed save's audits would
    // be written by the next save (which would then skip the version raise) and its transaction would keep the write lock.
    public override InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData, InterceptionResult result)
    {
        Abandon(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(
        ConcurrencyExceptionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Abandon(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Abandon(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Abandon(eventData.Context);
        return Task.CompletedTask;
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Abandon(eventData.Context);
        return Task.CompletedTask;
    }

    private void Capture(AiDealsDbContext db)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            if (entry.Entity is AuditEntry || IsAccountEntity(entry) || entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            switch (entry.Entity)
            {
                case Organization organization:
                    organization.SyncNormalizedName();
                    break;
                case OrganizationAlias alias:
                    alias.SyncNormalizedName();
                    break;
            }

            if (entry.Entity is EditableEntity editable)
            {
                if (entry.State == EntityState.Deleted)
                {
                    // Rows are never removed: a delete is a DeletedAt, restorable from the history.
                    entry.State = EntityState.Modified;
                    editable.DeletedAt = now;
                }

                if (entry.State == EntityState.Modified)
                {
                    editable.Version = (int)entry.Property(nameof(EditableEntity.Version)).OriginalValue! + 1;
                }
            }

            var audit = Describe(entry);
            if (audit is not null)
            {
                db.PendingAudits.Add(audit);
            }
        }
    }

    /// <summary>
    /// Identity's rows (users, roles, role links, claims, logins, tokens) are never audited field by field: their columns
    /// hold secrets (PasswordHash, SecurityStamp, ConcurrencyStamp, authenticator keys) and every failed login rewrites
    /// AccessFailedCount, so a generic audit would either leak hashes into the history or flood it with noise.
    /// <see cref="Features.Accounts.AccountService"/> writes one explicit entry per account action instead (user created,
    /// role changed, locked, unlocked, password reset) naming the acting admin and holding no secret. API tokens are
    /// account rows too: <see cref="Features.Accounts.ApiTokenService"/> writes one entry per token created or revoked.
    /// The site's data-protection keys are no one's edit, and an entry would copy a key into the history.
    /// </summary>
    private static bool IsAccountEntity(EntityEntry entry) =>
        entry.Entity is Features.Accounts.AppUser or Features.Accounts.ApiToken or Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey
        || entry.Metadata.ClrType.Assembly == typeof(Microsoft.AspNetCore.Identity.IdentityUser).Assembly;

    /// <summary>
    /// Fields the history does not show: the version and normalized names follow from other fields, and a feed token's
    /// hash is a credential's stand-in (the prefix beside it tells which token changed).
    /// </summary>
    private static bool IsAudited(string property) =>
        property is not (nameof(EditableEntity.Version) or "NormalizedName" or nameof(Features.Watchlists.Watchlist.FeedTokenHash));

    private static PendingAudit? Describe(EntityEntry entry)
    {
        var changes = new Dictionary<string, FieldChange>();
        var action = entry.State switch
        {
            EntityState.Added => AuditAction.Created,
            EntityState.Deleted => AuditAction.Deleted,
            _ => AuditAction.Updated,
        };

        foreach (var property in entry.Properties)
        {
            if (property.Metadata.IsPrimaryKey() || !IsAudited(property.Metadata.Name))
            {
                continue;
            }

            var newValue = entry.State == EntityState.Deleted ? null : property.CurrentValue;
            var oldValue = entry.State == EntityState.Added ? null : property.OriginalValue;
            if (entry.State == EntityState.Modified && Equals(oldValue, newValue))
            {
                continue;
            }

            if (property.Metadata.Name == nameof(EditableEntity.DeletedAt) && entry.State == EntityState.Modified)
            {
                action = newValue is null ? AuditAction.Restored : AuditAction.Deleted;
            }

            changes[property.Metadata.Name] = new FieldChange(oldValue, newValue);
        }

        if (entry.State == EntityState.Added)
        {
            // Keys of added rows (and foreign keys to other added rows) are temporary until the save: read them after it.
            changes.Clear();
        }

        return action == AuditAction.Updated && changes.Count == 0
            ? null
            : new PendingAudit(entry, entry.Metadata.ClrType.Name, action, changes);
    }

    private DataChange Change(AiDealsDbContext db) => new(
        db.PendingAudits.Select(a => a.EntityType).ToHashSet(StringComparer.Ordinal),
        clock.GetUtcNow().UtcDateTime,
        db.AuditUser!);

    // An audit entry without its author would be a lie ("system"); a context for a save comes from CreateForAsync.
    private static void RequireActor(AiDealsDbContext db)
    {
        if (db.PendingAudits.Count > 0 && db.AuditUser is null)
        {
            db.PendingAudits.Clear();
            throw new InvalidOperationException(
                "This save changes audited rows but its context has no actor: create it with IDbContextFactory<AiDealsDbContext>.CreateForAsync(actor, reason).");
        }
    }

    private IDbContextTransaction? WriteAudits(AiDealsDbContext db)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var pending = db.PendingAudits.ToList();
        db.PendingAudits.Clear();
        foreach (var audit in pending)
        {
            if (audit.Action == AuditAction.Created)
            {
                foreach (var property in audit.Entry.Properties)
                {
                    if (!property.Metadata.IsPrimaryKey() && property.CurrentValue is not null && IsAudited(property.Metadata.Name))
                    {
                        audit.Changes[property.Metadata.Name] = new FieldChange(null, property.CurrentValue);
                    }
                }
            }

            var key = audit.Entry.Metadata.FindPrimaryKey()!.Properties
                .Select(p => Convert.ToString(audit.Entry.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture));
            db.AuditEntries.Add(new AuditEntry
            {
                EntityType = audit.EntityType,
                EntityId = string.Join('/', key),
                Action = audit.Action,
                AtUtc = now,
                User = db.AuditUser!,
                Reason = db.AuditReason,
                Batch = db.AuditBatch,
                Changes = JsonSerializer.Serialize(
                    audit.Changes.ToDictionary(c => c.Key, c => new { old = c.Value.Old, @new = c.Value.New }),
                    ChangesJson),
            });
        }

        var transaction = db.OwnedAuditTransaction;
        db.OwnedAuditTransaction = null;
        return transaction;
    }

    /// <summary>
    /// The save's own transaction is dropped whole when the save fails (<see cref="Abandon"/>), so EF's savepoint inside
    /// it would keep nothing. Without one, EF does not roll back to it after a conflict: that rollback came after
    /// <see cref="ThrowingConcurrencyException"/> had already disposed the transaction, failed, and was logged as an
    /// error ("An error occurred using a transaction") for what is an ordinary conflict.
    /// </summary>
    private static void WithoutSavepoints(AiDealsDbContext db) => db.Database.AutoSavepointsEnabled = false;

    private static void Abandon(DbContext? context)
    {
        if (context is AiDealsDbContext db)
        {
            db.PendingAudits.Clear();
            if (db.OwnedAuditTransaction is { } transaction)
            {
                transaction.Dispose();
                db.OwnedAuditTransaction = null;
                db.Database.AutoSavepointsEnabled = true;
            }
        }
    }
}
