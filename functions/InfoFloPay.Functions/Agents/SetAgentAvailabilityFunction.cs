using InfoFloPay.Domain.Agents;
using InfoFloPay.Functions.Api;
using InfoFloPay.Functions.Operations.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InfoFloPay.Functions.Agents;

public sealed class SetAgentAvailabilityFunction(ApiEndpoint api, AgentDirectory agents)
{
    [Function("SetAgentAvailability")]
    [OpenApiOperation("Set an agent available or away; going away routes their open tickets again (that agent, or a manager)", Tag = "Agents")]
    [OpenApiRequestBody(typeof(AvailabilityRequest))]
    [OpenApiResponse(200, "The agent", BodyType = typeof(AgentResponse))]
    [OpenApiProblems(400, 401, 403, 404, 412, 413, 415, 503)]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "agents/{email}/availability")] HttpRequest request,
        string email,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, async caller =>
        {
            var body = await JsonRequestBody.ReadAsync<AvailabilityRequest>(request, cancellationToken).ConfigureAwait(false);
            return ApiResult.Ok(AgentResponse.From(await agents.SetAvailabilityAsync(email, body, caller, cancellationToken).ConfigureAwait(false)));
        }, cancellationToken);
}
