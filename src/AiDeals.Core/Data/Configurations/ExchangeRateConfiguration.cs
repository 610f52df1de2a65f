using AiDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AiDeals.Core.Data.Configurations;

internal sealed class ExchangeRateConfiguration : IEntityTypeConfiguration<ExchangeRate>
{
    public void Configure(EntityTypeBuilder<ExchangeRate> builder)
    {
        builder.ConfigureEditable();
        builder.Property(r => r.Currency).HasMaxLength(3);

        // One live rate per currency and day; the nearest earlier rate is the last row of this index at or before a date.
        builder.HasIndex(r => new { r.Currency, r.On }).IsUnique().HasFilter("\"DeletedAt\" IS NULL");
        builder.ToTable(t => t.HasCheckConstraint("CK_ExchangeRates_Positive", "\"UnitsPerUsd\" > 0"));
    }
}
