namespace InfoFloPay.Domain.Tickets;

/// <summary>Public events are shown to the customer; internal ones only to staff.</summary>
public enum EventVisibility
{
    Public,
    Internal,
}
