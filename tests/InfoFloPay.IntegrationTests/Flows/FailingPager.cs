using InfoFloPay.Functions.Notifications;

namespace InfoFloPay.IntegrationTests.Flows;

/// <summary>A pager whose service never answers: every page fails the way an outage does (a transient error).</summary>
public sealed class FailingPager : IPager
{
    private int _attempts;

    public int Attempts => _attempts;

    public Task PageAsync(Page page, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _attempts);
        throw new HttpRequestException("The pager service is unreachable.");
    }
}
