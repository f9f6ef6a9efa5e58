using System.Globalization;
using System.Text.Json;
using InfoFloPay.Domain.Tickets;
using InfoFloPay.Functions.Messaging;
using InfoFloPay.Functions.Tickets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace InfoFloPay.Functions.Sla;

/// <summary>What a scheduled due message says: ticket <see cref="TicketId"/> has something due at <see cref="DueAt"/>.</summary>
public sealed record SlaDueMessage(string TicketId, DateTimeOffset DueAt);

/// <summary>
/// Schedules a message on the <c>SLA_DUE_QUEUE</c> queue for the instant a ticket's next SLA milestone (warning, breach)
/// or page escalation step falls due, so it is handled then rather than at the next sweep. The message id names the
/// ticket and the instant, so scheduling the same instant again is dropped by duplicate detection. A failed schedule
/// only logs: the sweep still finds the ticket through the due-time index.
/// </summary>
public sealed class SlaDueMessages(IMessageSender sender, IConfiguration configuration, ILogger<SlaDueMessages> logger)
{
    public const string QueueSetting = "SLA_DUE_QUEUE";

    public const string DefaultQueue = "sla-due";

    private string Queue => configuration[QueueSetting] is { Length: > 0 } queue ? queue : DefaultQueue;

    public async Task ScheduleAsync(Ticket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (TicketKeys.DueAt(ticket) is not { } due)
        {
            return;
        }

        var message = new OutgoingMessage(
            $"{ticket.Id}/due/{due.UtcTicks.ToString(CultureInfo.InvariantCulture)}",
            "sla.due",
            BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(new SlaDueMessage(ticket.Id, due), HelpdeskJson.Options)));
        try
        {
            await sender.ScheduleAsync(Queue, message, due, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Scheduling the due message of ticket {TicketId} at {DueAt} failed; the SLA sweep will find it", ticket.Id, due);
        }
    }
}
