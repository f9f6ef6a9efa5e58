namespace InfoFloPay.Functions.Sla;

/// <summary>The policy file cannot be used; each error starts with the path of the entry at fault.</summary>
public sealed class SlaPolicyException : Exception
{
    public SlaPolicyException()
        : this([])
    {
    }

    public SlaPolicyException(string message)
        : this([message])
    {
    }

    public SlaPolicyException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [message];
    }

    public SlaPolicyException(IReadOnlyList<string> errors)
        : base("The SLA policy file is invalid: " + string.Join("; ", errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<string> Errors { get; }
}
