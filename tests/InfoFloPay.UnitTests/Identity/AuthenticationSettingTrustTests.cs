using System.Text;
using Azure.Data.Tables;
using InfoFloPay.Functions.Api;
using InfoFloPay.Functions.Customers;
using InfoFloPay.Functions.Identity;
using InfoFloPay.Functions.RateLimiting;
using InfoFloPay.Functions.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace InfoFloPay.UnitTests.Identity;

/// <summary>In Azure the principal header is trusted only when App Service Authentication is on (WEBSITE_AUTH_ENABLED);
/// with it off anyone could send the header themselves, so every call is anonymous.</summary>
public sealed class AuthenticationSettingTrustTests
{
    private const string AgentPrincipal =
        """{"auth_typ":"aad","claims":[{"typ":"preferred_username","val":"alex@infoflopay.test"},{"typ":"roles","val":"Support.Agent"}]}""";

    public static TheoryData<string?, string?> Trusted => new()
    {
        { null, null },
        { null, "False" },
        { "ifp-helpdesk", "True" },
        { "ifp-helpdesk", "true" },
    };

    public static TheoryData<string?> AuthOffInAzure => new() { null, "", "False", "0", "yes" };

    [Theory]
    [MemberData(nameof(Trusted))]
    public async Task Locally_or_with_authentication_on_the_header_is_honoured(string? siteName, string? authEnabled)
    {
        var (endpoint, _) = Endpoint(siteName, authEnabled);

        var result = await StaffRoute(endpoint);

        Assert.Equal(StatusCodes.Status200OK, result.Status);
    }

    [Theory]
    [MemberData(nameof(AuthOffInAzure))]
    public async Task In_azure_with_authentication_off_or_unset_every_call_is_anonymous(string? authEnabled)
    {
        var (endpoint, log) = Endpoint("ifp-helpdesk", authEnabled);

        var first = await StaffRoute(endpoint);
        var second = await StaffRoute(endpoint);

        Assert.Equal((401, 401), (first.Status, second.Status));
        Assert.Equal(401, Assert.IsType<Problem>(first.Body).Status);
        var warning = Assert.Single(log.Entries);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Equal(
            "App Service Authentication is off (WEBSITE_AUTH_ENABLED): X-MS-CLIENT-PRINCIPAL is ignored, every call is anonymous",
            warning.Message);
    }

    /// <summary>A route only staff may use: 200 when the caller resolves as an agent.</summary>
    private static async Task<ApiResult> StaffRoute(ApiEndpoint endpoint)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Headers[ClientPrincipalReader.HeaderName] = Convert.ToBase64String(Encoding.UTF8.GetBytes(AgentPrincipal));
        var result = await endpoint.RunAsync(
            context.Request,
            caller => Task.FromResult<IActionResult>(caller.IsStaff
                ? ApiResult.Ok(new { caller.Email })
                : Problem.Result(StatusCodes.Status403Forbidden, "Forbidden", "Staff only.")),
            default);
        return Assert.IsType<ApiResult>(result);
    }

    private static (ApiEndpoint Endpoint, RecordingLoggerProvider Log) Endpoint(string? siteName, string? authEnabled)
    {
        var settings = new Dictionary<string, string?>();
        if (siteName is not null)
        {
            settings["WEBSITE_SITE_NAME"] = siteName;
        }

        if (authEnabled is not null)
        {
            settings["WEBSITE_AUTH_ENABLED"] = authEnabled;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        // Staff principals never reach the customer registry, so its table is never contacted.
        var customers = new CustomerDirectory(
            new EnsuredTable(new TableClient("UseDevelopmentStorage=true", HelpdeskTables.Customers)), TimeProvider.System);
        var log = new RecordingLoggerProvider();
        var limits = new CallerRateLimits(
            Options.Create(new RateLimitOptions()), new FixedWindowLimiter(TimeProvider.System), NullLogger<CallerRateLimits>.Instance);
        return (new ApiEndpoint(new CallerResolver(customers, configuration, new Logger<CallerResolver>(new LoggerFactory([log]))), limits, NullLogger<ApiEndpoint>.Instance), log);
    }
}
