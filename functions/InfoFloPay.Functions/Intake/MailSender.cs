using InfoFloPay.Domain.Identity;
using InfoFloPay.Domain.Tickets;

namespace InfoFloPay.Functions.Intake;

/// <summary>
/// Who sent an email, as far as the desk knows: a user of a registered customer account, or a stranger
/// (<see cref="AccountId"/> null). Decides whether the sender is "on" a ticket — and so may add to it. Mail is never
/// anyone's staff voice: a <c>from</c> address proves nothing, and a public staff reply by mail would be phishing through
/// the desk, so staff addresses, like mail that failed authentication, are <see cref="Unverified"/>.
/// </summary>
public sealed record MailSender(string Email, string? Name, string? AccountId, string? Unverified = null)
{
    public bool IsStranger => AccountId is null;

    /// <summary>
    /// How this sender may add to <paramref name="ticket"/>: as a customer user of the ticket's account or its requester,
    /// as an internal note when the ticket belongs to no account and the sender is its requester, or not at all (null)
    /// — mail never lands on someone else's ticket, and unverified mail on none.
    /// </summary>
    public TicketVoice? VoiceOn(Ticket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (Unverified is not null)
        {
            return null;
        }

        var isRequester = string.Equals(ticket.Requester.Email, Email, StringComparison.OrdinalIgnoreCase);
        if (ticket.CustomerId is { } account && (isRequester || string.Equals(AccountId, account, StringComparison.Ordinal)))
        {
            return new TicketVoice(Caller.Customer(Email, Name, account), Internal: false);
        }

        // No account vouches for this sender, so its mail reaches staff only, as a note on its own ticket — still the
        // requester's answer, so it reopens a waiting ticket and the assignee hears of it (TicketLifecycle.RequesterNote).
        return ticket.CustomerId is null && isRequester ? new TicketVoice(EmailIntake.Desk, Internal: true) : null;
    }
}

/// <summary>The caller a reply is made as, and whether it is the requester's mail kept as an internal note.</summary>
public sealed record TicketVoice(Caller Caller, bool Internal);
