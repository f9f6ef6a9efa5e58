using InfoFloPay.Domain.Monitoring;
using InfoFloPay.Functions.Api;
using InfoFloPay.Functions.Identity;
using InfoFloPay.Functions.Operations.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InfoFloPay.Functions.Monitoring;

/// <summary>
/// <c>/api/monitoring/targets</c>: staff read targets and their state; only a <c>Support.Manager</c> adds, changes or
/// removes them.
/// </summary>
internal sealed class MonitoringTargetsApi(
    MonitoringTargetStore targets,
    TargetStateStore states,
    TimeProvider clock,
    IOptions<MonitoringOptions> options,
    ILogger<MonitoringTargetsApi> logger)
{
    private const int DefaultHistory = 60;

    [Function("ListMonitoringTargets")]
    [OpenApiOperation("Monitoring targets (staff)", Tag = "Monitoring")]
    [OpenApiResponse(200, "{ items: [target] }")]
    [OpenApiProblems(401, 403, 503)]
    public Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "monitoring/targets")] HttpRequest request,
        CancellationToken cancellationToken) =>
        Authorized(request, managerOnly: false, async () =>
        {
            var all = await targets.ListAsync(cancellationToken).ConfigureAwait(false);
            return Json(new { items = all.Select(TargetResponse.From) });
        });

    [Function("GetMonitoringTarget")]
    [OpenApiOperation("A target with its state: consecutive failures, last check, open incident, recent history", Tag = "Monitoring")]
    [OpenApiQuery("history", "how many recent results, default 60, at most Monitoring:HistoryLength (1440)")]
    [OpenApiResponse(200, "The target and its state")]
    [OpenApiProblems(400, 401, 403, 404, 503)]
    public Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "monitoring/targets/{name}")] HttpRequest request,
        string name,
        CancellationToken cancellationToken) =>
        Authorized(request, managerOnly: false, async () =>
        {
            var kept = options.Value.HistoryLength;
            if (!TryReadHistoryCount(request, kept, out var historyCount))
            {
                return MonitoringProblems.Validation(new Dictionary<string, string[]>
                {
                    ["history"] = [string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Must be a whole number from 0 to {kept}.")],
                });
            }

            if (!TargetDefinition.IsValidName(name) || await targets.FindAsync(name, cancellationToken).ConfigureAwait(false) is not { } target)
            {
                return MonitoringProblems.NotFound(name);
            }

            var (state, history) = await states.ReadWithHistoryAsync(name, clock.GetUtcNow(), historyCount, cancellationToken).ConfigureAwait(false);
            return Json(TargetStatusResponse.From(target, state, history));
        });

    [Function("PutMonitoringTarget")]
    [OpenApiOperation("Add or change a target: http(s) or tcp, failure threshold 1-5 (manager)", Tag = "Monitoring")]
    [OpenApiRequestBody(typeof(TargetRequest))]
    [OpenApiResponse(200, "Changed", BodyType = typeof(TargetResponse))]
    [OpenApiResponse(201, "Added", BodyType = typeof(TargetResponse))]
    [OpenApiProblems(400, 401, 403, 503)]
    public Task<IActionResult> Put(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "monitoring/targets/{name}")] HttpRequest request,
        string name,
        CancellationToken cancellationToken) =>
        Authorized(request, managerOnly: true, async () =>
        {
            // Same body rules as the rest of the API: JSON only (415), at most 64 KB (413), a bad field named (400).
            var body = await JsonRequestBody.ReadAsync<TargetRequest>(request, cancellationToken).ConfigureAwait(false);
            var validation = TargetDefinition.Validate(new TargetDraft(
                name, body.Kind, body.Url, body.ExpectedStatus, body.TimeoutSeconds, body.BodyContains, body.FailureThreshold, body.CustomerId));
            if (validation.Target is not { } target)
            {
                return MonitoringProblems.Validation(validation.Errors);
            }

            var created = await targets.SaveAsync(target, cancellationToken).ConfigureAwait(false);
            logger.LogInformation("Monitoring target {Target} {Change}", target.Name, created ? "added" : "changed");
            var response = Json(TargetResponse.From(target));
            if (created)
            {
                response.StatusCode = StatusCodes.Status201Created;
                request.HttpContext.Response.Headers.Location = $"/api/monitoring/targets/{target.Name}";
            }

            return response;
        });

    [Function("DeleteMonitoringTarget")]
    [OpenApiOperation("Remove a target with its state and history (manager)", Tag = "Monitoring")]
    [OpenApiResponse(204, "Removed")]
    [OpenApiProblems(401, 403, 404, 503)]
    public Task<IActionResult> Delete(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "monitoring/targets/{name}")] HttpRequest request,
        string name,
        CancellationToken cancellationToken) =>
        Authorized(request, managerOnly: true, async () =>
        {
            if (!TargetDefinition.IsValidName(name) || !await targets.DeleteAsync(name, cancellationToken).ConfigureAwait(false))
            {
                return MonitoringProblems.NotFound(name);
            }

            logger.LogInformation("Monitoring target {Target} removed", name);
            return new NoContentResult();
        });

    private static Task<IActionResult> Authorized(HttpRequest request, bool managerOnly, Func<Task<IActionResult>> action)
    {
        var caller = ClientPrincipalReader.Read(request.Headers[ClientPrincipalReader.HeaderName].ToString());
        if (caller is null)
        {
            return Task.FromResult(MonitoringProblems.Unauthorized());
        }

        var isManager = caller.Roles.Contains(SupportRoles.Manager);
        if (managerOnly ? !isManager : !(isManager || caller.Roles.Contains(SupportRoles.Agent)))
        {
            return Task.FromResult(MonitoringProblems.Forbidden(
                managerOnly ? "Only a support manager may change monitoring targets." : "Monitoring is for support staff."));
        }

        return MonitoringProblems.WhenStorageAvailableAsync(request, action);
    }

    /// <summary>How many recent results to show: up to the history the desk keeps (<c>Monitoring:HistoryLength</c>).</summary>
    private static bool TryReadHistoryCount(HttpRequest request, int kept, out int count)
    {
        count = Math.Min(DefaultHistory, kept);
        var text = request.Query["history"].ToString();
        return text.Length == 0
            || (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out count)
                && count <= kept);
    }

    private static JsonResult Json(object value) => new(value, MonitoringJson.Options);
}
