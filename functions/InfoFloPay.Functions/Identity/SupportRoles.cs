namespace InfoFloPay.Functions.Identity;

/// <summary>The app roles defined on the Entra app registration.</summary>
public static class SupportRoles
{
    public const string Agent = "Support.Agent";

    public const string Manager = "Support.Manager";
}
