using System.Globalization;
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

        // The same operation id on every attempt (and on a redelivery of the same notification) lets the service
        // recognise a repeat instead of sending a second copy.
        var operationId = OperationIdFor(message).ToString();
        request.Headers.SetValue("Operation-Id", operationId);
        request.Headers.SetValue("repeatability-request-id", operationId);
        request.Headers.SetValue("repeatability-first-sent", clock.GetUtcNow().ToString("r", CultureInfo.InvariantCulture));
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

    private static Guid OperationIdFor(EmailMessage message)
    {
        if (string.IsNullOrWhiteSpace(message.IdempotencyKey))
        {
            return Guid.NewGuid();
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(message.IdempotencyKey));
        return new Guid(hash.AsSpan(0, 16));
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
