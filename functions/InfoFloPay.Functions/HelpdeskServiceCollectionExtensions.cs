using InfoFloPay.Functions.Agents;
using InfoFloPay.Functions.Attachments;
using InfoFloPay.Functions.Console;
using InfoFloPay.Functions.Intake;
using InfoFloPay.Functions.Messaging;
using InfoFloPay.Functions.Notifications;
using InfoFloPay.Functions.Monitoring;
using InfoFloPay.Functions.Operations;
using InfoFloPay.Functions.Operations.Telemetry;
using InfoFloPay.Functions.Portal;
using InfoFloPay.Functions.RateLimiting;
using InfoFloPay.Functions.Reports;
using InfoFloPay.Functions.Roster;
using InfoFloPay.Functions.Routing;
using InfoFloPay.Functions.Sla;
using InfoFloPay.Functions.Storage;
using InfoFloPay.Functions.Tickets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InfoFloPay.Functions;

/// <summary>The composition root shared by the Function App and the local host: one call per feature.</summary>
public static class HelpdeskServiceCollectionExtensions
{
    public static IServiceCollection AddHelpdesk(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddRoster();
        services.AddTableStorage(configuration);
        services.AddOperations(configuration);
        services.AddTelemetry(configuration);
        services.AddSla();
        services.AddMessaging(configuration);
        services.AddNotifications(configuration);
        services.AddTickets(configuration);
        services.AddAttachments(configuration);
        services.AddReports();
        services.AddAgents();
        services.AddAssignmentRouting();
        services.AddIntake();
        services.AddRateLimits();
        services.AddMonitoring(configuration);
        services.AddPortal();
        services.AddStaffConsole();
        return services;
    }
}
