using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InfoFloPay.Functions.Notifications.Paging;

/// <summary>
/// Pages through a webhook in the PagerDuty Events API v2 shape. The dedup key is the ticket id, so a repeated page for
/// the same ticket updates the open incident instead of opening a second one.
/// </summary>
public sealed class PagerDutyPager(IOptions<PagingOptions> options, ILogger<PagerDutyPager> logger)
{
    // PagerDuty allows 180 chars in a summary.
    private const int MaxSummaryLength = 180;

    private readonly HttpPipeline _pipeline = HttpPipelineBuilder.Build(new PagerClientOptions());

    public async Task PageAsync(Uri webhook, Page page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        ArgumentNullException.ThrowIfNull(page);
        var routingKey = options.Value.RoutingKey;
        if (string.IsNullOrWhiteSpace(routingKey))
        {
            throw new InvalidOperationException("Paging__RoutingKey is required when the pager target is a webhook URL.");
        }

        var body = new PagerDutyEvent(
            routingKey,
            "trigger",
            page.DedupKey,
            new PagerDutyPayload(
                page.Summary.Length > MaxSummaryLength ? page.Summary[..MaxSummaryLength] : page.Summary,
                options.Value.Source,
                "critical",
                Details(page)))
        {
            Links = page.AcknowledgeUrl is { } link ? [new PagerDutyLink(link.AbsoluteUri, "Acknowledge in the helpdesk")] : null,
        };

        using var message = _pipeline.CreateMessage();
        message.Request.Method = RequestMethod.Post;
        message.Request.Uri.Reset(webhook);
        message.Request.Headers.SetValue(HttpHeader.Names.ContentType, "application/json");
        message.Request.Content = RequestContent.Create(JsonSerializer.SerializeToUtf8Bytes(body));

        await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (message.Response.Status is < 200 or >= 300)
        {
            throw new InvalidOperationException(
                $"The pager webhook refused the page for {page.DedupKey}: {message.Response.Status} {message.Response.Content}");
        }

        logger.LogInformation("Paged {Target} for {DedupKey}", webhook.Host, page.DedupKey);
    }

    private static Dictionary<string, string?> Details(Page page)
    {
        var details = new Dictionary<string, string?> { ["ticketId"] = page.TicketId, ["details"] = page.Details };
        if (page.AcknowledgeUrl is { } link)
        {
            details["acknowledge"] = link.AbsoluteUri;
        }

        return details;
    }

    private sealed class PagerClientOptions : ClientOptions;
}
