using System.Security.Cryptography;
using System.Text;
using AiDeals.Core.Data.Seeding;

namespace AiDeals.Core.Tests.Support;

/// <summary>The test classes that share one <see cref="GeneratedDatabase"/>, generated once for all of them.</summary>
[CollectionDefinition(nameof(GeneratedDatabase))]
public sealed class GeneratedDatabaseCollection : ICollectionFixture<GeneratedDatabase>;

/// <summary>A database filled by the generator's fast path with 20,000 deals (seed 7), shared by the generation tests.</summary>
public sealed class GeneratedDatabase : IAsyncLifetime
{
    public const int DealCount = 20_000;
    public const int Seed = 7;

    private TestDatabase? _database;

    internal TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialized yet.");

    public SyntheticDataCounts Counts { get; private set; } = null!;

    /// <summary>The tables whose content the determinism test compares, each read in id order.</summary>
    public static IReadOnlyList<string> SampledTables { get; } =
        ["Organizations", "OrganizationAliases", "Sources", "Deals", "DealParticipants", "Citations", "Valuations", "MarketEvents", "MarketEventOrganizations"];

    public async ValueTask InitializeAsync()
    {
        (_database, Counts) = await GenerateAsync(Seed);
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>A new migrated database with generated deals (<see cref="DealCount"/> unless told) of the given seed.</summary>
    internal static async Task<(TestDatabase Database, SyntheticDataCounts Counts)> GenerateAsync(int seed, int deals = DealCount)
    {
        var database = await TestDatabase.CreateAsync();
        var options = new SyntheticDataOptions(deals, SyntheticDataOptions.DefaultOrganizations(deals), seed);
        var counts = await new SyntheticDataGenerator(database.Contexts).GenerateAsync(options, progress: null, TestContext.Current.CancellationToken);
        return (database, counts);
    }

    /// <summary>A SHA-256 of every column of every row of a table, in id order.</summary>
    internal static async Task<string> HashAsync(TestDatabase database, string table)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY 1, 2";
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var rows = 0;
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                hash.AppendData(Encoding.UTF8.GetBytes((reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)) + "|"));
            }

            rows++;
        }

        return $"{rows}:{Convert.ToHexString(hash.GetHashAndReset())}";
    }

    /// <summary>The one value a SQL query returns (portable SQL: quoted names, subqueries named).</summary>
    internal async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
