using InfoFloPay.Domain.Customers;
using InfoFloPay.Domain;
using InfoFloPay.Functions.Api;
using InfoFloPay.Functions.Operations.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InfoFloPay.Functions.Customers;

public sealed class PutCustomerFunction(ApiEndpoint api, CustomerDirectory customers)
{
    [Function("PutCustomer")]
    [OpenApiOperation("Register or change a customer account (manager)", Tag = "Customers")]
    [OpenApiRequestBody(typeof(CustomerAccountRequest))]
    [OpenApiRequestHeader(OpenApiHeaders.IfMatch)]
    [OpenApiResponse(200, "Changed", BodyType = typeof(CustomerResponse), Headers = [OpenApiHeaders.ETag])]
    [OpenApiResponse(201, "Registered", BodyType = typeof(CustomerResponse), Headers = [OpenApiHeaders.ETag, OpenApiHeaders.Location])]
    [OpenApiProblems(400, 401, 403, 409, 412, 413, 415, 503)]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "customers/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, async caller =>
        {
            if (!caller.IsManager)
            {
                throw RequestRejectedException.Forbidden("Only support managers edit the customer registry.");
            }

            var body = await JsonRequestBody.ReadAsync<CustomerAccountRequest>(request, cancellationToken).ConfigureAwait(false);
            var account = CustomerRules.Validate(id, body);
            var stored = await customers.PutAsync(account, EntityTags.IfMatch(request), cancellationToken).ConfigureAwait(false);
            return new ApiResult(stored.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK, CustomerResponse.From(stored.Account))
                .WithETag(stored.ETag)
                .WithHeader("Location", stored.Created ? $"/api/customers/{id}" : null);
        }, cancellationToken);
}
