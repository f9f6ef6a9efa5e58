namespace InfoFloPay.Functions.Storage;

/// <summary>The tables of the desk (the infra creates them too; the app creates any that are missing).</summary>
public static class HelpdeskTables
{
    public const string Tickets = "tickets";

    public const string Customers = "customers";

    public const string Articles = "articles";
}
