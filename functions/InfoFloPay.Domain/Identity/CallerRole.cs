namespace InfoFloPay.Domain.Identity;

public enum CallerRole
{
    Customer,
    Agent,
    Manager,
    System,
}
