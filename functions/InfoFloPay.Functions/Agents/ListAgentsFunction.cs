using InfoFloPay.Functions.Api;
using InfoFloPay.Functions.Operations.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InfoFloPay.Functions.Agents;

public sealed class ListAgentsFunction(ApiEndpoint api, AgentDirectory agents)
{
    [Function("ListAgents")]
    [OpenApiOperation("The support team with availability, skills, accounts and open tickets (staff)", Tag = "Agents")]
    [OpenApiResponse(200, "Every agent, by name", BodyType = typeof(AgentResponse[]))]
    [OpenApiProblems(401, 403, 503)]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "agents")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, async caller =>
        {
            var team = await agents.ListAsync(caller, cancellationToken).ConfigureAwait(false);
            return ApiResult.Ok(team.Select(AgentResponse.From).ToArray());
        }, cancellationToken);
}
