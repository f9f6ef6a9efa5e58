namespace InfoFloPay.Functions.Roster;

/// <summary>The support team from settings section <c>Support</c>: agents and the Operations Manager.</summary>
public sealed class SupportRosterOptions
{
    public const string SectionName = "Support";

    public List<SupportPerson> Agents { get; init; } = [];

    public SupportPerson OperationsManager { get; init; } = new();

    /// <summary>The address customers reply to; outgoing mail carries it as Reply-To.</summary>
    public string SupportAddress { get; init; } = "support@infoflopay.example";
}

public sealed class SupportPerson
{
    public string Name { get; init; } = "";

    /// <summary>Checked at start-up by <see cref="SupportRosterValidation"/>.</summary>
    public string Email { get; init; } = "";

    /// <summary>Pager target: a webhook URL or an address. Only the Operations Manager needs one.</summary>
    public string? Pager { get; init; }
}
