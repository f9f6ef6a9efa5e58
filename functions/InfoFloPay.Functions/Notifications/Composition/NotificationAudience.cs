namespace InfoFloPay.Functions.Notifications.Composition;

/// <summary>Which kinds of mail are written for the customer. Only these may ever show on the customer's timeline;
/// the others (assignments, mobilization, SLA alerts, pages) are staff business even when the requester is staff.</summary>
public static class NotificationAudience
{
    public static bool IsForCustomer(this NotificationKind kind) =>
        kind is NotificationKind.Acknowledgement or NotificationKind.StaffReply or NotificationKind.Resolved or NotificationKind.AccountIncident;
}
