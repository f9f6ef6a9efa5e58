using InfoFloPay.Domain;
using InfoFloPay.Domain.Identity;

namespace InfoFloPay.Functions.Monitoring;

/// <summary>Who may use the monitoring API: support staff read targets, only a support manager changes them.</summary>
internal static class MonitoringAccess
{
    public static void RequireStaff(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.IsStaff)
        {
            throw RequestRejectedException.Forbidden("Monitoring is for support staff.");
        }
    }

    public static void RequireManager(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.IsManager)
        {
            throw RequestRejectedException.Forbidden("Only a support manager may change monitoring targets.");
        }
    }
}
