namespace InfoFloPay.Functions.Sla;

/// <summary>Settings section <c>Sla</c>: where the SLA policy file is (<c>Sla__PolicyFile</c>).</summary>
public sealed class SlaOptions
{
    public const string SectionName = "Sla";

    /// <summary>The shipped default, copied next to the app's binaries.</summary>
    public const string DefaultPolicyFile = "Sla/sla-policy.json";

    /// <summary>Path of the policy JSON; a relative path is resolved against the app's base directory.</summary>
    public string PolicyFile { get; init; } = DefaultPolicyFile;

    public string ResolvedPolicyFile => Path.IsPathRooted(PolicyFile)
        ? PolicyFile
        : Path.Combine(AppContext.BaseDirectory, string.IsNullOrWhiteSpace(PolicyFile) ? DefaultPolicyFile : PolicyFile);
}
