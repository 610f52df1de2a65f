using AiDeals.Core.Data.Aggregates;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AiDeals.Core.Data.Configurations;

internal sealed class ActivityMonthConfiguration : IEntityTypeConfiguration<ActivityMonth>
{
    public void Configure(EntityTypeBuilder<ActivityMonth> builder)
    {
        builder.HasKey(m => m.Month);
        builder.Property(m => m.Month).HasMaxLength(7);
    }
}
