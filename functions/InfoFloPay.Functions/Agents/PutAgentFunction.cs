using InfoFloPay.Domain.Agents;
using InfoFloPay.Functions.Api;
using InfoFloPay.Functions.Operations.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InfoFloPay.Functions.Agents;

public sealed class PutAgentFunction(ApiEndpoint api, AgentDirectory agents)
{
    [Function("PutAgent")]
    [OpenApiOperation("Add an agent or change their name, skills and accounts; availability and open tickets are kept (manager)", Tag = "Agents")]
    [OpenApiRequestBody(typeof(AgentRequest))]
    [OpenApiRequestHeader(OpenApiHeaders.IfMatch)]
    [OpenApiResponse(200, "Changed", BodyType = typeof(AgentResponse), Headers = [OpenApiHeaders.ETag])]
    [OpenApiResponse(201, "Added", BodyType = typeof(AgentResponse), Headers = [OpenApiHeaders.ETag, OpenApiHeaders.Location])]
    [OpenApiProblems(400, 401, 403, 412, 413, 415, 503)]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "agents/{email}")] HttpRequest request,
        string email,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, async caller =>
        {
            var body = await JsonRequestBody.ReadAsync<AgentRequest>(request, cancellationToken).ConfigureAwait(false);
            var stored = await agents.PutAsync(email, body, caller, EntityTags.IfMatch(request), cancellationToken).ConfigureAwait(false);
            return new ApiResult(stored.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK, AgentResponse.From(stored.View))
                .WithETag(stored.ETag)
                .WithHeader("Location", stored.Created ? $"/api/agents/{Uri.EscapeDataString(stored.View.Agent.Email)}" : null);
        }, cancellationToken);
}
