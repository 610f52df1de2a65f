using AiDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AiDeals.Core.Data.Configurations;

internal sealed class SourceConfiguration : IEntityTypeConfiguration<Source>
{
    public void Configure(EntityTypeBuilder<Source> builder)
    {
        builder.ConfigureEditable();
        builder.Property(s => s.Title).HasMaxLength(SourceLimits.Title);
        builder.Property(s => s.Publisher).HasMaxLength(SourceLimits.Publisher);
        builder.Property(s => s.Url).HasMaxLength(SourceLimits.Url);
    }
}
