using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AiDeals.Core.Data;

/// <summary>
/// What the model says differently on PostgreSQL so that the app sees what it sees on SQLite. Text compares and sorts
/// by code point ("C"), as SQLite's BINARY does, whatever the server's default collation: the deal list's keyset pages
/// and their indexes then agree with SQLite's order. Times are UTC instants (timestamptz); a time read from SQLite or
/// built without a kind is taken as UTC, as everywhere in the app, where Npgsql would refuse it.
/// </summary>
internal static class PostgreSqlConventions
{
    public const string Collation = "C";

    public static void Apply(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<string>().UseCollation(Collation);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcConverter>();
    }

    /// <summary>
    /// The SQL the configurations write for SQLite, made PostgreSQL's: a computed column is stored (PostgreSQL before 18
    /// has no virtual ones), the kept sums are doubles, and the column names in index filters and check constraints are quoted (unquoted, PostgreSQL
    /// folds them to lower case and finds no such column).
    /// </summary>
    public static void Adjust(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            var columns = entity.GetProperties().Select(p => p.GetColumnName()).ToList();
            foreach (var property in entity.GetProperties().Where(p => p.GetComputedColumnSql() is not null))
            {
                property.SetIsStored(true);
            }

            // The kept sums are doubles stored in SQLite's INTEGER affinity (whole dollars kept exact and compact);
            // PostgreSQL's integer would refuse them, so they are its double precision.
            foreach (var property in entity.GetProperties().Where(p => p.ClrType == typeof(double) && p.GetColumnType() == "INTEGER"))
            {
                property.SetColumnType("double precision");
            }

            foreach (var index in entity.GetIndexes().Where(i => i.GetFilter() is not null))
            {
                index.SetFilter(Quote(index.GetFilter()!, columns));
            }

            foreach (var check in entity.GetCheckConstraints().ToList())
            {
                entity.RemoveCheckConstraint(check.ModelName);
                entity.AddCheckConstraint(check.ModelName, Quote(check.Sql, columns));
            }
        }
    }

    private static string Quote(string sql, IEnumerable<string> columns) =>
        columns.Aggregate(sql, (text, column) =>
            Regex.Replace(text, $"(?<![\"\\w]){Regex.Escape(column)}(?![\"\\w])", $"\"{column}\"", RegexOptions.None, TimeSpan.FromSeconds(1)));

    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        value => value.Kind == DateTimeKind.Utc ? value : DateTime.SpecifyKind(value, DateTimeKind.Utc),
        value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
