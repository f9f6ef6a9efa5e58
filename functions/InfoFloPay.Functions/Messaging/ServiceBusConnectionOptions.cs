namespace InfoFloPay.Functions.Messaging;

/// <summary>
/// The namespace connection, read from the same settings the trigger's <c>Connection = "ServiceBusConnection"</c> uses:
/// <c>ServiceBusConnection</c> as a connection string, or in Azure <c>ServiceBusConnection__fullyQualifiedNamespace</c>
/// with <c>__credential</c> (managedidentity) and <c>__clientId</c>.
/// </summary>
public sealed class ServiceBusConnectionOptions
{
    public const string SettingName = "ServiceBusConnection";

    public string? ConnectionString { get; set; }

    public string? FullyQualifiedNamespace { get; set; }

    public string? Credential { get; set; }

    public string? ClientId { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ConnectionString) || !string.IsNullOrWhiteSpace(FullyQualifiedNamespace);
}
