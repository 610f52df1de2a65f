using AiDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AiDeals.Core.Data.Configurations;

internal sealed class ValuationConfiguration : IEntityTypeConfiguration<Valuation>
{
    public void Configure(EntityTypeBuilder<Valuation> builder)
    {
        builder.ConfigureEditable();
        builder.Ignore(v => v.AsOfDate);
        builder.HasOne(v => v.Organization).WithMany(o => o.Valuations).HasForeignKey(v => v.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(v => v.Deal).WithMany().HasForeignKey(v => v.DealId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(v => new { v.OrganizationId, v.AsOf });
    }
}

internal sealed class MarketEventConfiguration : IEntityTypeConfiguration<MarketEvent>
{
    public void Configure(EntityTypeBuilder<MarketEvent> builder)
    {
        builder.ConfigureEditable();
        builder.Ignore(e => e.Occurred);
        builder.Property(e => e.Title).HasMaxLength(300);
        builder.Property(e => e.Description).HasMaxLength(4000);
        builder.HasIndex(e => e.OccurredOn);
    }
}

internal sealed class MarketEventOrganizationConfiguration : IEntityTypeConfiguration<MarketEventOrganization>
{
    public void Configure(EntityTypeBuilder<MarketEventOrganization> builder)
    {
        builder.HasKey(x => new { x.MarketEventId, x.OrganizationId });
        builder.HasOne(x => x.MarketEvent).WithMany(e => e.Organizations).HasForeignKey(x => x.MarketEventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(x => x.Organization).WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => x.OrganizationId);
        builder.HasQueryFilter(x => x.MarketEvent!.DeletedAt == null);
    }
}

internal sealed class SourceConfiguration : IEntityTypeConfiguration<Source>
{
    public void Configure(EntityTypeBuilder<Source> builder)
    {
        builder.ConfigureEditable();
        builder.Property(s => s.Title).HasMaxLength(500);
        builder.Property(s => s.Publisher).HasMaxLength(200);
        builder.Property(s => s.Url).HasMaxLength(2048);
    }
}

internal sealed class CitationConfiguration : IEntityTypeConfiguration<Citation>
{
    public void Configure(EntityTypeBuilder<Citation> builder)
    {
        builder.ConfigureEditable();
        builder.Property(c => c.Quote).HasMaxLength(4000);
        builder.HasOne(c => c.Source).WithMany(s => s.Citations).HasForeignKey(c => c.SourceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Deal).WithMany(d => d.Citations).HasForeignKey(c => c.DealId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Valuation).WithMany(v => v.Citations).HasForeignKey(c => c.ValuationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Organization).WithMany(o => o.Citations).HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.MarketEvent).WithMany(e => e.Citations).HasForeignKey(c => c.MarketEventId).OnDelete(DeleteBehavior.Cascade);
        builder.ToTable(t => t.HasCheckConstraint(
            "CK_Citations_OneSubject",
            "(CASE WHEN DealId IS NULL THEN 0 ELSE 1 END) + (CASE WHEN ValuationId IS NULL THEN 0 ELSE 1 END) + "
            + "(CASE WHEN OrganizationId IS NULL THEN 0 ELSE 1 END) + (CASE WHEN MarketEventId IS NULL THEN 0 ELSE 1 END) = 1"));
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.EntityType).HasMaxLength(100);
        builder.Property(a => a.EntityId).HasMaxLength(100);
        builder.Property(a => a.User).HasMaxLength(256);
        builder.Property(a => a.Reason).HasMaxLength(1000);
        builder.HasIndex(a => new { a.EntityType, a.EntityId });
        builder.HasIndex(a => a.AtUtc);
    }
}

internal static class EditableEntityConfiguration
{
    /// <summary>Version as the concurrency token and a filter that hides soft-deleted rows.</summary>
    public static void ConfigureEditable<T>(this EntityTypeBuilder<T> builder)
        where T : EditableEntity
    {
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasQueryFilter(e => e.DeletedAt == null);
    }
}
