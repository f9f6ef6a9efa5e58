using System.Text.RegularExpressions;
using InfoFloPay.IntegrationTests.Infrastructure;

namespace InfoFloPay.IntegrationTests.Infra;

/// <summary>
/// The deploy workflow holds Azure credentials, so every third-party action it runs is pinned to a commit: a moved or
/// hijacked tag must not change what runs. The trailing comment keeps the pin readable and lets Dependabot bump it.
/// </summary>
public sealed partial class WorkflowActionPinTests
{
    private static readonly string WorkflowDirectory = Path.Combine(RepositoryRoot.Path, ".github", "workflows");

    private static IEnumerable<string> WorkflowNames() => Directory.GetFiles(WorkflowDirectory, "*.yml").Select(Path.GetFileName)!;

    public static TheoryData<string> Workflows() => new(WorkflowNames());

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Every_action_is_pinned_to_a_full_commit_sha_with_its_version_in_a_comment(string workflow)
    {
        var text = File.ReadAllText(Path.Combine(WorkflowDirectory, workflow));
        var uses = Uses().Matches(text).Select(m => m.Groups["ref"].Value.Trim())
            .Where(reference => !reference.StartsWith("./", StringComparison.Ordinal)) // the repository's own reusable workflow
            .ToList();

        Assert.All(uses, reference => Assert.Matches(PinnedReference(), reference));
    }

    [Fact]
    public void The_workflows_use_actions_at_all()
    {
        // Guards the theory above against passing vacuously if the workflows were renamed or the pattern stopped matching.
        var all = WorkflowNames().SelectMany(w => Uses().Matches(File.ReadAllText(Path.Combine(WorkflowDirectory, w)))).ToList();
        Assert.True(all.Count >= 5, $"expected the CI and deploy workflows' actions, found {all.Count}");
    }

    [GeneratedRegex(@"^\s*(?:-\s+)?uses:\s*(?<ref>.+)$", RegexOptions.Multiline)]
    private static partial Regex Uses();

    [GeneratedRegex(@"^[A-Za-z0-9-]+/[A-Za-z0-9._-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$")]
    private static partial Regex PinnedReference();
}
