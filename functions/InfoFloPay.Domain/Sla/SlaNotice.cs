namespace InfoFloPay.Domain.Sla;

/// <summary>
/// One warning or breach the sweep must send. <see cref="Key"/> is unique within the ticket and the same on every sweep,
/// so recording it with the ticket in the same write as the notice's message (see <c>SlaEscalation</c>) sends it exactly once.
/// </summary>
/// <param name="FellDueAt">The warning time or the breach (due) time that made this notice due.</param>
public sealed record SlaNotice(SlaTargetKind Target, SlaNoticeKind Kind, string Key, DateTimeOffset FellDueAt, DateTimeOffset? DueAt);
