using AiDeals.Core.Data.Aggregates;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AiDeals.Core.Data.Configurations;

internal sealed class DashboardCountConfiguration : IEntityTypeConfiguration<DashboardCount>
{
    public void Configure(EntityTypeBuilder<DashboardCount> builder)
    {
        builder.HasKey(c => c.Key);
        builder.Property(c => c.Key).HasMaxLength(64);
        // INTEGER, not REAL: sums stay exact whole dollars; SQLite's "+" turns one past the range of a long into a real.
        builder.Property(c => c.Low).HasColumnType("INTEGER");
        builder.Property(c => c.High).HasColumnType("INTEGER");
    }
}
