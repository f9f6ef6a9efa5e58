using InfoFloPay.Functions.Notifications.Composition;

namespace InfoFloPay.Functions.Notifications;

/// <summary>One delivery an event calls for: an email to one recipient, or a page.</summary>
public abstract record NotificationDelivery(string Key)
{
    public abstract string Channel { get; }

    public abstract string Recipient { get; }
}

public sealed record EmailDelivery(string Key, NotificationModel Model, EmailAddress To) : NotificationDelivery(Key)
{
    public override string Channel => "email";

    public override string Recipient => To.Address;
}

public sealed record PageDelivery(string Key, Page Page) : NotificationDelivery(Key)
{
    public override string Channel => "pager";

    public override string Recipient => Page.Target;
}
