using AiDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AiDeals.Core.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.EntityType).HasMaxLength(100);
        builder.Property(a => a.EntityId).HasMaxLength(100);
        builder.Property(a => a.User).HasMaxLength(256);
        builder.Property(a => a.Reason).HasMaxLength(AuditLimits.Reason);
        builder.HasIndex(a => new { a.EntityType, a.EntityId });
        builder.Property(a => a.Batch).HasMaxLength(AuditLimits.Batch);
        builder.HasIndex(a => a.AtUtc);
        builder.HasIndex(a => a.Batch);
    }
}
