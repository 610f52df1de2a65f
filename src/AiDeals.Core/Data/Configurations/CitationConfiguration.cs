using AiDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AiDeals.Core.Data.Configurations;

internal sealed class CitationConfiguration : IEntityTypeConfiguration<Citation>
{
    public void Configure(EntityTypeBuilder<Citation> builder)
    {
        builder.ConfigureEditable();
        builder.Property(c => c.Quote).HasMaxLength(CitationLimits.Quote);
        builder.HasOne(c => c.Source).WithMany(s => s.Citations).HasForeignKey(c => c.SourceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Deal).WithMany(d => d.Citations).HasForeignKey(c => c.DealId).OnDelete(DeleteBehavior.Cascade);
        // A deal's live citations and their sources from the index alone (the export reads them for every deal, a batch
        // at a time, and would otherwise visit each citation's row for two columns); it serves the deal's key as well.
        builder.HasIndex(c => new { c.DealId, c.DeletedAt, c.SourceId });
        builder.HasOne(c => c.Valuation).WithMany(v => v.Citations).HasForeignKey(c => c.ValuationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Organization).WithMany(o => o.Citations).HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.MarketEvent).WithMany(e => e.Citations).HasForeignKey(c => c.MarketEventId).OnDelete(DeleteBehavior.Cascade);
        builder.ToTable(t => t.HasCheckConstraint(
            "CK_Citations_OneSubject",
            "(CASE WHEN DealId IS NULL THEN 0 ELSE 1 END) + (CASE WHEN ValuationId IS NULL THEN 0 ELSE 1 END) + "
            + "(CASE WHEN OrganizationId IS NULL THEN 0 ELSE 1 END) + (CASE WHEN MarketEventId IS NULL THEN 0 ELSE 1 END) = 1"));
    }
}
