namespace InfoFloPay.Functions.Notifications.Paging;

/// <summary>Settings section <c>Paging</c>: what a webhook pager target needs besides its URL.</summary>
public sealed class PagingOptions
{
    public const string SectionName = "Paging";

    /// <summary>The PagerDuty integration (routing) key of the Operations Manager's service.</summary>
    public string? RoutingKey { get; set; }

    /// <summary>Shown as the page's source: what is paging.</summary>
    public string Source { get; set; } = "infoflopay-helpdesk";
}
