using Deque.AxeCore.Commons;

namespace InfoFloPay.IntegrationTests.Infrastructure;

/// <summary>What the browser tests' accessibility scans measure a page against, and what of a scan fails them.</summary>
internal static class AxeScan
{
    /// <summary>The WCAG 2.x A and AA rules: what "accessible" is measured against here.</summary>
    public static readonly AxeRunOptions WcagAA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    };

    /// <summary>The serious and critical violations of <paramref name="result"/>, one line each, naming <paramref name="view"/>.</summary>
    public static IEnumerable<string> Serious(AxeResult result, string view)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{view}: {v.Id} ({v.Impact}) {v.Help} — {string.Join(" | ", v.Nodes.Select(n => string.Join(' ', n.Target?.ToString() ?? "")))}");
    }
}
