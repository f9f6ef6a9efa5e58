using InfoFloPay.Functions.Api;
using InfoFloPay.Functions.Customers;
using InfoFloPay.Functions.Operations.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InfoFloPay.Functions.Identity;

/// <summary>
/// The signed-in user from <c>X-MS-CLIENT-PRINCIPAL</c>, which App Service Authentication injects into every request it
/// lets through. The portal asks here rather than <c>/.auth/me</c>, which answers only with the token store on.
/// </summary>
public sealed class GetMeFunction(ApiEndpoint api, CustomerDirectory customers)
{
    [Function("GetMe")]
    [OpenApiOperation("The signed-in user: email, name, role and, for a customer, the account their email belongs to", Tag = "Identity")]
    [OpenApiResponse(200, "The caller; customerId and customerName are absent for staff and for a customer whose email no account lists", BodyType = typeof(MeResponse))]
    [OpenApiProblems(401, 503)]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "me")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, async caller =>
        {
            var account = caller.CustomerId is { } customerId
                ? await customers.FindCachedAsync(customerId, cancellationToken).ConfigureAwait(false)
                : null;
            return ApiResult.Ok(MeResponse.For(caller, account?.Name));
        }, cancellationToken);
}
