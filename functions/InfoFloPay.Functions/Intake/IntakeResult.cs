namespace InfoFloPay.Functions.Intake;

/// <summary>What became of an inbound email; <see cref="Duplicate"/> when its Message-ID was handled before and this is
/// that first result again.</summary>
public sealed record IntakeResult(IntakeOutcome Outcome, string? TicketId, string? Reason, bool Duplicate)
{
    public static IntakeResult Dropped(string reason) => new(IntakeOutcome.Dropped, null, reason, Duplicate: false);
}

public enum IntakeOutcome
{
    /// <summary>A new conversation: a new ticket.</summary>
    Created,

    /// <summary>A reply from someone on the ticket: added to its timeline.</summary>
    Appended,

    /// <summary>Machine-sent mail (auto-replies, bounces, loops): nothing stored.</summary>
    Dropped,
}
