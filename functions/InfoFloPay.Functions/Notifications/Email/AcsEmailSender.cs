using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InfoFloPay.Functions.Notifications.Email;

/// <summary>Sends mail through the ACS Email REST API (<c>POST /emails:send</c>, api-version 2023-03-31).</summary>
public sealed class AcsEmailSender(IOptions<EmailOptions> options, TimeProvider clock, ILogger<AcsEmailSender> logger) : IEmailSender
{
    public const string ApiVersion = "2023-03-31";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // Built on first send, so options validate (and name a missing setting) where mail is actually sent.
    private readonly Lazy<(HttpPipeline Pipeline, Uri Endpoint)> _pipeline =
        new(() => AcsEmailPipeline.Create(options.Value, clock));

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var (pipeline, endpoint) = _pipeline.Value;

        using var httpMessage = pipeline.CreateMessage();
        var request = httpMessage.Request;
        request.Method = RequestMethod.Post;
        request.Uri.Reset(new Uri(endpoint, $"/emails:send?api-version={ApiVersion}"));
        request.Headers.SetValue(HttpHeader.Names.ContentType, "application/json");

        // ACS keys a send by its Operation-Id: the same id on every attempt, and on a redelivery of the same
        // notification (say its journal write failed after ACS accepted it), is the same operation, not a second email.
        // No repeatable-request headers: their first-sent must be the original attempt's time and within ACS's five
        // minutes, which a redelivery after a crash cannot know or keep; a repeat with another first-sent is a 400.
        var operationId = OperationIdFor(message).ToString();
        request.Headers.SetValue("Operation-Id", operationId);
        request.Content = RequestContent.Create(JsonSerializer.SerializeToUtf8Bytes(ToRequest(message), Json));

        await pipeline.SendAsync(httpMessage, cancellationToken).ConfigureAwait(false);
        var response = httpMessage.Response;

        if (response.Status == 202)
        {
            response.Headers.TryGetValue("Operation-Location", out var operationLocation);
            logger.LogInformation(
                "Email {OperationId} for ticket {TicketId} accepted by ACS ({OperationLocation})",
                operationId, message.TicketId, operationLocation);
            return;
        }

        if (response.Status == 409)
        {
            // The service's answer to an Operation-Id it is still running: this notification was accepted before.
            logger.LogInformation(
                "Email {OperationId} for ticket {TicketId} was already accepted by ACS (409 for the repeated operation); not sent again",
                operationId, message.TicketId);
            return;
        }

        var error = ReadError(response);
        logger.LogError(
            "ACS refused email {OperationId} for ticket {TicketId}: {Status} {ErrorCode} {ErrorMessage}",
            operationId, message.TicketId, response.Status, error?.Code, error?.Message);
        throw new EmailDeliveryException(
            response.Status,
            error?.Code,
            $"ACS Email refused the message ({response.Status} {error?.Code}): {error?.Message ?? response.ReasonPhrase}");
    }

    private AcsEmailRequest ToRequest(EmailMessage message) => new(
        options.Value.SenderAddress,
        new AcsEmailContent(message.Subject, message.PlainText, message.Html),
        new AcsEmailRecipients([.. message.To.Select(to => new AcsEmailAddress(to.Address, to.DisplayName))]),
        message.ReplyTo is { } replyTo ? [new AcsEmailAddress(replyTo.Address, replyTo.DisplayName)] : [],
        message.Headers,
        UserEngagementTrackingDisabled: true);

    /// <summary>
    /// A name-based UUID of the notification's idempotency key (one notification to one recipient): RFC 9562's version 8
    /// layout over SHA-256, as its appendix B.2 shows, so the id is a well-formed UUID and the same key always maps to it.
    /// </summary>
    public static Guid OperationIdFor(EmailMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (string.IsNullOrWhiteSpace(message.IdempotencyKey))
        {
            return Guid.NewGuid();
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(message.IdempotencyKey), hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }

    private static AcsError? ReadError(Response response)
    {
        try
        {
            return response.Content.ToObjectFromJson<AcsErrorResponse>(Json)?.Error;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
