using System.ComponentModel.DataAnnotations;

namespace InfoFloPay.Functions.Notifications.Composition;

/// <summary>
/// Where people open the desk from an email (<c>Desk__PublicBaseUrl</c>, e.g. <c>https://help.infoflopay.example</c>).
/// Unset: <c>https://{WEBSITE_HOSTNAME}</c> in Azure (the Function App's own host name), <c>http://localhost:7071</c>
/// locally (the local host's default address).
/// </summary>
public sealed class DeskLinkOptions
{
    public const string SectionName = "Desk";

    public const string LocalBaseUrl = "http://localhost:7071";

    [Url]
    public string? PublicBaseUrl { get; set; }
}
