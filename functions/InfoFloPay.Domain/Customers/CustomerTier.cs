namespace InfoFloPay.Domain.Customers;

public enum CustomerTier
{
    Essentials,
    Reserve,
    Vip,
}
