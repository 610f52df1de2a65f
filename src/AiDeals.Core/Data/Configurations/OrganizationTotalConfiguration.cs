using AiDeals.Core.Data.Aggregates;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AiDeals.Core.Data.Configurations;

internal sealed class OrganizationTotalConfiguration : IEntityTypeConfiguration<OrganizationTotal>
{
    public void Configure(EntityTypeBuilder<OrganizationTotal> builder)
    {
        builder.HasKey(t => t.OrganizationId);
        builder.Property(t => t.OrganizationId).ValueGeneratedNever();
        // Whole dollars kept exact (see DashboardCountConfiguration); the index serves the dashboard's top investors.
        builder.Property(t => t.LeafLow).HasColumnType("INTEGER");
        builder.Property(t => t.LeafHigh).HasColumnType("INTEGER");
        builder.HasIndex(t => t.LeafHigh);
    }
}
