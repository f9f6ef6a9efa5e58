namespace InfoFloPay.Domain.Sla;

/// <summary>The customer's service level agreement, from the customer registry.</summary>
public enum SlaTier
{
    Essentials,
    Reserve,
    Vip,
}
