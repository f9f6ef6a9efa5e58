using Microsoft.Extensions.Logging;

namespace InfoFloPay.Functions.Operations.Telemetry;

/// <summary>
/// The log scope of one ticket operation: every line logged inside it carries <c>TicketId</c> (Application Insights:
/// <c>customDimensions.TicketId</c>), so <c>traces | where customDimensions.TicketId == "IFP-1042"</c> shows the whole story.
/// </summary>
public static class TicketLogScope
{
    public const string Key = "TicketId";

    public static IDisposable? Begin(ILogger logger, string ticketId)
    {
        ArgumentNullException.ThrowIfNull(logger);
        return logger.BeginScope(new Dictionary<string, object> { [Key] = ticketId });
    }
}
