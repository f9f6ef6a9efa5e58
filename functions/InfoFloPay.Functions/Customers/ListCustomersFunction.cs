using InfoFloPay.Domain;
using InfoFloPay.Functions.Api;
using InfoFloPay.Functions.Operations.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InfoFloPay.Functions.Customers;

/// <summary>Every customer account (staff): the console's account filter and the managers' registry editor.</summary>
public sealed class ListCustomersFunction(ApiEndpoint api, CustomerDirectory customers)
{
    [Function("ListCustomers")]
    [OpenApiOperation("Every customer account, by id (staff)", Tag = "Customers")]
    [OpenApiResponse(200, "{ items: [account] }", BodyType = typeof(CustomerListResponse))]
    [OpenApiProblems(401, 403, 503)]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "customers")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, async caller =>
        {
            if (!caller.IsStaff)
            {
                throw RequestRejectedException.Forbidden("Only support staff read the customer registry.");
            }

            var accounts = await customers.ListAsync(cancellationToken).ConfigureAwait(false);
            return ApiResult.Ok(new CustomerListResponse(accounts.Select(stored => CustomerResponse.From(stored.Account)).ToList()));
        }, cancellationToken);
}
