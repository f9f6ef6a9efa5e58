using System.ComponentModel.DataAnnotations;

namespace InfoFloPay.Functions.Notifications.Email;

/// <summary>
/// Azure Communication Services Email, settings section <c>Email</c>. Either <see cref="ConnectionString"/>
/// (<c>endpoint=https://…;accesskey=…</c>, signed with HMAC) or <see cref="Endpoint"/> with an Entra ID
/// <see cref="Credential"/> (<c>managedidentity</c> with <see cref="ClientId"/> in Azure, <c>default</c> for a developer).
/// </summary>
public sealed class EmailOptions : IValidatableObject
{
    public const string SectionName = "Email";

    public Uri? Endpoint { get; set; }

    /// <summary>The verified MailFrom address of the ACS email domain, e.g. <c>DoNotReply@….azurecomm.net</c>.</summary>
    [Required]
    [EmailAddress]
    public string SenderAddress { get; set; } = "";

    public string? ConnectionString { get; set; }

    public string Credential { get; set; } = "managedidentity";

    public string? ClientId { get; set; }

    [Range(0, 10)]
    public int MaxRetries { get; set; } = 4;

    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString))
        {
            if (!AcsConnectionString.TryParse(ConnectionString, out _))
            {
                yield return new ValidationResult(
                    "Email:ConnectionString must look like 'endpoint=https://…;accesskey=…'.", [nameof(ConnectionString)]);
            }

            yield break;
        }

        if (Endpoint is null || !Endpoint.IsAbsoluteUri)
        {
            yield return new ValidationResult(
                "Email is not configured: set Email__Endpoint (https://<resource>.communication.azure.com) with "
                + "Email__Credential=managedidentity and Email__ClientId, or Email__ConnectionString.",
                [nameof(Endpoint)]);
        }

        if (Credential is not ("managedidentity" or "default"))
        {
            yield return new ValidationResult("Email:Credential must be 'managedidentity' or 'default'.", [nameof(Credential)]);
        }
    }
}
