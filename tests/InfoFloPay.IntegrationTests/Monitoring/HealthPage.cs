using Microsoft.AspNetCore.Http;

namespace InfoFloPay.IntegrationTests.Monitoring;

/// <summary>What a probed service's health page answers, for a <see cref="Infrastructure.LoopbackHttpServer"/> to serve.</summary>
internal static class HealthPage
{
    public const string Path = "/health";

    public static readonly RequestDelegate Healthy = context => TextAsync(context, StatusCodes.Status200OK, "status: ok");

    public static readonly RequestDelegate Failing = context => TextAsync(context, StatusCodes.Status503ServiceUnavailable, "database unreachable");

    /// <summary>Up (200) but saying it is not well: only a body check notices.</summary>
    public static readonly RequestDelegate Degraded = context => TextAsync(context, StatusCodes.Status200OK, "status: degraded");

    /// <summary>Just <paramref name="status"/> and no body; a redirect points back at the health page.</summary>
    public static RequestDelegate Status(int status) => context =>
    {
        context.Response.StatusCode = status;
        context.Response.Headers.Location = Path;
        return Task.CompletedTask;
    };

    private static Task TextAsync(HttpContext context, int status, string text)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text);
    }
}
