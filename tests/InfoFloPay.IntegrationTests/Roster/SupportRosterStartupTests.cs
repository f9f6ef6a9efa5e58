using InfoFloPay.DevHost.Settings;
using InfoFloPay.Functions;
using InfoFloPay.Functions.Roster;
using InfoFloPay.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace InfoFloPay.IntegrationTests.Roster;

/// <summary>
/// The support roster is checked when the app starts: a mistyped address stops the start naming the setting, instead
/// of deploying and losing escalations. The newcomer's settings (local.settings.sample.json) still start.
/// </summary>
public class SupportRosterStartupTests
{
    private static IHost Build(Dictionary<string, string?> overrides)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration
            .AddLocalSettingsFile(Path.Combine(RepositoryRoot.Path, "local.settings.sample.json"))
            .AddInMemoryCollection(overrides);
        builder.Services.AddHelpdesk(builder.Configuration);
        return builder.Build();
    }

    private static async Task<string> StartFailure(Dictionary<string, string?> overrides)
    {
        using var host = Build(overrides);
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());
        var validation = failure as OptionsValidationException
            ?? (failure as AggregateException)?.InnerExceptions.OfType<OptionsValidationException>().FirstOrDefault();
        Assert.True(validation is not null, $"Expected an options validation failure, got {failure}");
        return string.Join("\n", validation.Failures);
    }

    [Fact]
    public async Task The_sample_settings_start_with_their_two_agents_and_operations_manager()
    {
        using var host = Build([]);

        await host.StartAsync();

        var roster = host.Services.GetRequiredService<IOptions<SupportRosterOptions>>().Value;
        Assert.Equal(["ava.agent@infoflopay.example", "ben.agent@infoflopay.example"], roster.Agents.Select(a => a.Email));
        Assert.Equal("olivia.ops@infoflopay.example", roster.OperationsManager.Email);
        await host.StopAsync();
    }

    [Fact]
    public async Task A_mistyped_operations_manager_address_stops_the_start_naming_the_setting()
    {
        var failures = await StartFailure(new() { ["Support:OperationsManager:Email"] = "olivia.ops.infoflopay.example" });

        Assert.Contains("Support:OperationsManager:Email", failures);
        Assert.Contains("olivia.ops.infoflopay.example", failures);
        Assert.Contains("Support__OperationsManager__Email", failures);
    }

    [Fact]
    public async Task An_agent_without_a_valid_address_stops_the_start_naming_that_agent()
    {
        var failures = await StartFailure(new()
        {
            ["Support:Agents:1:Email"] = "ben agent@infoflopay.example",
            ["Support:Agents:2:Name"] = "Cleo Agent",
        });

        Assert.Contains("Support:Agents:1:Email", failures);
        Assert.Contains("Support:Agents:2:Email is empty", failures);
        Assert.DoesNotContain("Support:Agents:0", failures);
    }

    [Fact]
    public async Task A_display_name_in_the_support_address_is_refused()
    {
        var failures = await StartFailure(new() { ["Support:SupportAddress"] = "InfoFlo Support <support@infoflopay.example>" });

        Assert.Contains("Support:SupportAddress", failures);
    }

    [Fact]
    public async Task An_address_pasted_with_a_trailing_space_is_refused_saying_so()
    {
        var failures = await StartFailure(new() { ["Support:OperationsManager:Email"] = "olivia.ops@infoflopay.example " });

        Assert.Contains("Support:OperationsManager:Email", failures);
        Assert.Contains("remove the spaces", failures);
    }
}
