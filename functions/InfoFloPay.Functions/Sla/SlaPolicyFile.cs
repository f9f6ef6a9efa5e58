using System.Collections.Concurrent;
using InfoFloPay.Domain.Sla;

namespace InfoFloPay.Functions.Sla;

/// <summary>
/// The policy file, read once: start-up validation reads it, and the <see cref="SlaPolicy"/> the app serves is that same
/// read, not a second one that could see a different (or broken) file.
/// </summary>
internal sealed class SlaPolicyFile
{
    private readonly ConcurrentDictionary<string, Lazy<SlaPolicy>> read = new(StringComparer.Ordinal);

    /// <summary>The policy in the file the options name; throws <see cref="SlaPolicyException"/> (every time) when it is bad.</summary>
    public SlaPolicy Read(SlaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return read.GetOrAdd(options.ResolvedPolicyFile, static (_, options) => new Lazy<SlaPolicy>(() => SlaPolicyLoader.Load(options)), options).Value;
    }
}
