namespace InfoFloPay.Functions.Notifications.Paging;

/// <summary>What an acknowledgement link stands for: one page (<see cref="PageId"/>, <see cref="Step"/>) of one ticket, until
/// <see cref="ExpiresAt"/>.</summary>
public sealed record PageLink(string TicketId, string PageId, int Step, DateTimeOffset ExpiresAt);

/// <summary>Why a link was refused, or <see cref="Valid"/>.</summary>
public enum PageLinkVerdict
{
    Valid,

    /// <summary>Not a token this desk issues, or one whose signature does not match (altered, or signed with another key).</summary>
    Invalid,

    Expired,
}
