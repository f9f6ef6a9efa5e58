namespace InfoFloPay.Functions.Notifications.Composition;

/// <summary>Every email the desk sends; each has one template in Notifications/Templates/{kebab-case name}.liquid.</summary>
public enum NotificationKind
{
    /// <summary>Ticket created → requester.</summary>
    Acknowledgement,

    /// <summary>Ticket triaged and assigned → assignee.</summary>
    Assigned,

    /// <summary>Urgent ticket → every agent.</summary>
    UrgentMobilization,

    /// <summary>Staff public reply → customer.</summary>
    StaffReply,

    /// <summary>Customer reply → assignee.</summary>
    CustomerReply,

    /// <summary>Ticket resolved → customer.</summary>
    Resolved,

    /// <summary>SLA target about to be missed → assignee and Operations Manager.</summary>
    SlaWarning,

    /// <summary>SLA target missed → assignee and Operations Manager.</summary>
    SlaBreach,

    /// <summary>A page delivered by email, when the pager target is an address.</summary>
    Page,

    /// <summary>Incident opened by monitoring → its requester, the Operations Manager: what failed, since when, how many checks.</summary>
    Incident,

    /// <summary>Incident opened by monitoring for a target tied to an account → that account's contacts: we detected it,
    /// we are working on it (the policy's "we are the originator").</summary>
    AccountIncident,
}
