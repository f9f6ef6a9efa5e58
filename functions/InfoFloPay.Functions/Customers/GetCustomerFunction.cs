using InfoFloPay.Domain.Identity;
using InfoFloPay.Domain;
using InfoFloPay.Functions.Api;
using InfoFloPay.Functions.Operations.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InfoFloPay.Functions.Customers;

public sealed class GetCustomerFunction(ApiEndpoint api, CustomerDirectory customers)
{
    [Function("GetCustomer")]
    [OpenApiOperation("A customer account (staff)", Tag = "Customers")]
    [OpenApiResponse(200, "The account", BodyType = typeof(CustomerResponse), Headers = [OpenApiHeaders.ETag])]
    [OpenApiProblems(401, 403, 404, 503)]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "customers/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, async caller =>
        {
            if (!caller.IsStaff)
            {
                throw RequestRejectedException.Forbidden("Only support staff read the customer registry.");
            }

            var stored = CustomerIds.IsValid(id) ? await customers.FindAsync(id, cancellationToken).ConfigureAwait(false) : null;
            return stored is null
                ? throw RequestRejectedException.NotFound($"Customer {id}")
                : ApiResult.Ok(CustomerResponse.From(stored.Account)).WithETag(stored.ETag);
        }, cancellationToken);
}
