namespace InfoFloPay.Functions.Notifications.Composition;

/// <summary>What a template may show. Templates see these as snake_case (<c>{{ ticket_subject }}</c>).</summary>
public sealed record NotificationModel(NotificationKind Kind, string TicketId, string TicketSubject)
{
    public string? RecipientName { get; init; }

    public string? RequesterName { get; init; }

    public string? RequesterEmail { get; init; }

    public string? AssigneeName { get; init; }

    public string? AssigneeEmail { get; init; }

    public string? Priority { get; init; }

    /// <summary>The reply text, the ticket description or the resolution note, depending on the kind.</summary>
    public string? Body { get; init; }

    public string? AuthorName { get; init; }

    /// <summary>The SLA target at stake, as people say it: <c>first response</c> or <c>resolution</c>.</summary>
    public string? SlaTarget { get; init; }

    /// <summary>A page's one-click acknowledgement link.</summary>
    public string? AcknowledgeUrl { get; init; }

    /// <summary>When the SLA target falls due, already formatted for people (Eastern time).</summary>
    public string? DueAt { get; init; }

    /// <summary>The customer's support tier, as the plan is called (<c>Reserve</c>).</summary>
    public string? Tier { get; init; }

    /// <summary>The SLA target as a duration on its calendar: <c>4 business hours</c>, <c>45 minutes</c>.</summary>
    public string? TargetWithin { get; init; }

    /// <summary>How long is left before <see cref="DueAt"/>, in business time where the target runs on business hours.</summary>
    public string? TimeLeft { get; init; }

    /// <summary>When a monitoring incident was opened, already formatted for people (Eastern time).</summary>
    public string? DetectedAt { get; init; }

    /// <summary>Where the recipient opens the ticket: the portal for customers, the console for staff. Set by the composer.</summary>
    public string? TicketUrl { get; init; }
}
