using AiDeals.Core.Data;

namespace AiDeals.Core.Features.Dashboard;

/// <summary>
/// What the dashboard shows: its figures and the latest changes, read together, and how many deals its dollar totals
/// leave out because no rate converted their amount.
/// </summary>
public sealed record DashboardView(DashboardSummary Summary, IReadOnlyList<RecentChange> Changes, int UnconvertedDeals = 0)
{
    /// <summary>Commitments that capital by investor leaves out: reported in another currency that no rate converted.</summary>
    public int UnconvertedCommitments { get; init; }

    /// <summary>
    /// The view of a read: a deal no rate converted reads undisclosed in dollars, so the kept counts hold it among the
    /// undisclosed ones; it is said once, as left out, and taken out of the undisclosed.
    /// </summary>
    public static DashboardView Of(DashboardSummary summary, IReadOnlyList<RecentChange> changes, int unconvertedDeals, int unconvertedCommitments = 0)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var capital = summary.Capital with
        {
            LeafDeals = Math.Max(0, summary.Capital.LeafDeals - unconvertedDeals),
            UndisclosedDeals = Math.Max(0, summary.Capital.UndisclosedDeals - unconvertedDeals),
        };
        return new DashboardView(summary with { Capital = capital }, changes, unconvertedDeals) { UnconvertedCommitments = unconvertedCommitments };
    }
}

/// <summary>
/// The dashboard as last read, shared by every open dashboard of this server: after a save, every circuit refreshes,
/// and the first to ask reads once for all of them (the others wait for that read, or take it if it is done). A save
/// announced by <see cref="ChangeNotifier"/> makes the next request read afresh; a write from another process (the
/// command line) is seen after at most <see cref="MaxAge"/>.
/// </summary>
public sealed class DashboardSnapshots
{
    /// <summary>How many changes the feed shows.</summary>
    public const int FeedLength = 8;

    /// <summary>How long a read serves when no save was announced: writes of other processes are not announced here.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private readonly DashboardQueries _dashboard;
    private readonly RecentChangesQueries _changes;
    private readonly Rates.RateQueries _rates;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _reading = new(1, 1);
    private long _version;
    private volatile Snapshot? _last;

    public DashboardSnapshots(DashboardQueries dashboard, RecentChangesQueries changes, Rates.RateQueries rates, ChangeNotifier notifier, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(notifier);
        (_dashboard, _changes, _rates, _clock) = (dashboard, changes, rates, clock);
        // A singleton that lives as long as the notifier: nothing to unsubscribe.
        notifier.Changed += _ => Interlocked.Increment(ref _version);
    }

    public async Task<DashboardView> GetAsync(CancellationToken cancellationToken = default)
    {
        if (Fresh() is { } view)
        {
            return view;
        }

        await _reading.WaitAsync(cancellationToken);
        try
        {
            if (Fresh() is { } readMeanwhile)
            {
                return readMeanwhile;
            }

            // The version is taken before the read: a save during the read leaves this snapshot stale, never the save unseen.
            var version = Interlocked.Read(ref _version);
            var readAt = _clock.GetTimestamp();
            var read = DashboardView.Of(
                await _dashboard.GetSummaryAsync(cancellationToken),
                await _changes.ListAsync(FeedLength, cancellationToken),
                await _rates.UnconvertedCountAsync(cancellationToken),
                await _rates.UnconvertedCommitmentCountAsync(cancellationToken));
            _last = new Snapshot(read, version, readAt);
            return read;
        }
        finally
        {
            _reading.Release();
        }
    }

    private DashboardView? Fresh() =>
        _last is { } last && last.Version == Interlocked.Read(ref _version) && _clock.GetElapsedTime(last.ReadAt) < MaxAge
            ? last.View
            : null;

    private sealed record Snapshot(DashboardView View, long Version, long ReadAt);
}
