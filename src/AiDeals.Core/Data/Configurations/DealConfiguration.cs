using AiDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AiDeals.Core.Data.Configurations;

internal sealed class DealConfiguration : IEntityTypeConfiguration<Deal>
{
    public void Configure(EntityTypeBuilder<Deal> builder)
    {
        builder.ConfigureEditable();
        builder.Ignore(d => d.Amount);
        builder.Ignore(d => d.Announced);
        builder.Ignore(d => d.Closed);
        builder.Ignore(d => d.Reported);
        builder.Ignore(d => d.IsUnconverted);
        builder.Property(d => d.Currency).HasMaxLength(3).HasDefaultValue(Currencies.Usd);
        builder.Property(d => d.Title).HasMaxLength(DealLimits.Title);
        builder.Property(d => d.ExternalId).HasMaxLength(DealLimits.ExternalId);
        builder.HasIndex(d => d.ExternalId).IsUnique().HasFilter("ExternalId IS NOT NULL");
        builder.Property(d => d.Notes).HasMaxLength(DealLimits.Notes);
        builder.Property(d => d.OutcomeNote).HasMaxLength(DealLimits.OutcomeNote);

        builder.HasOne(d => d.Target).WithMany(o => o.TargetedBy).HasForeignKey(d => d.TargetId).OnDelete(DeleteBehavior.Restrict);

        // What the deal list filters and sorts by. Every query of live deals says "DeletedAt IS NULL": with DeletedAt first,
        // one index serves both that and the sort, where SQLite would otherwise pick a DeletedAt index and sort every row.
        // The amount keys, COALESCE(AmountHigh, AmountLow) and COALESCE(AmountLow, AmountHigh), are indexed the same way
        // in the DealListIndexes migration, as EF cannot declare an index on an expression.
        builder.HasIndex(d => new { d.DeletedAt, d.AnnouncedOn });
        builder.HasIndex(d => new { d.DeletedAt, d.Title });
        builder.HasIndex(d => new { d.DeletedAt, d.Status });
        builder.HasIndex(d => new { d.DeletedAt, d.Kind });
        // A target's deals, with DeletedAt so that counting them (the target picker) needs no row of the table itself.
        builder.HasIndex(d => new { d.TargetId, d.DeletedAt });

        // The sort keys of the columns whose values live elsewhere (see DealListKeys): never written by a save, only by
        // the triggers, so EF leaves them out of its inserts and updates.
        foreach (var key in new[] { DealListKeys.Target, DealListKeys.Investor })
        {
            var property = builder.Property<string>(key).IsRequired().HasMaxLength(OrganizationLimits.Name).HasDefaultValue(string.Empty);
            property.Metadata.SetBeforeSaveBehavior(PropertySaveBehavior.Ignore);
            property.Metadata.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);
            builder.HasIndex("DeletedAt", key);
        }

        // The investors the list shows, kept by the same triggers; read with the page's rows, never sorted or searched.
        var investors = builder.Property<string>(DealListKeys.Investors).IsRequired().HasDefaultValue(string.Empty);
        investors.Metadata.SetBeforeSaveBehavior(PropertySaveBehavior.Ignore);
        investors.Metadata.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);

        builder.Property<int>(DealListKeys.StatusRank).HasComputedColumnSql(DealListKeys.StatusRankSql, stored: false);
        builder.HasIndex("DeletedAt", DealListKeys.StatusRank);

        // The deals in other currencies, by date: those a change of rates converts again, and those no rate converted
        // (the count every dollar total shows). Dollar deals, nearly all of them, stay out of it.
        builder.HasIndex(d => new { d.Currency, d.AnnouncedOn }).HasFilter("\"Currency\" <> 'USD'");

        builder.ToTable(t =>
        {
            t.HasCheckConstraint("CK_Deals_AmountOrder", "AmountLow IS NULL OR AmountHigh IS NULL OR AmountLow <= AmountHigh");
            // SQLite refuses RETURNING on a table with triggers that write: EF reads generated values back with a SELECT.
            t.UseSqlReturningClause(false);
        });
    }
}
