namespace InfoFloPay.Functions.Storage;

/// <summary>The tables of the desk; the app creates each on first use (the infra grants the identity Table Data Contributor).</summary>
public static class HelpdeskTables
{
    public const string Tickets = "tickets";

    public const string Customers = "customers";

    public const string Articles = "articles";
}
