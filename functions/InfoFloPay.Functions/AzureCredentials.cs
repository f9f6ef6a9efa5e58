using Azure.Core;
using Azure.Identity;

namespace InfoFloPay.Functions;

/// <summary>The identity-based connection convention of the Functions host: <c>__credential</c> and <c>__clientId</c>.</summary>
public static class AzureCredentials
{
    /// <summary><c>managedidentity</c> → the user-assigned identity named by <paramref name="clientId"/> (or the
    /// system-assigned one); anything else → <see cref="DefaultAzureCredential"/> (developer sign-in locally).</summary>
    public static TokenCredential Create(string? credential, string? clientId)
    {
        if (!string.Equals(credential, "managedidentity", StringComparison.OrdinalIgnoreCase))
        {
            return new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
        }

        return string.IsNullOrWhiteSpace(clientId)
            ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
    }
}
