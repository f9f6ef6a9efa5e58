using InfoFloPay.Functions.Messaging;
using InfoFloPay.Functions.Notifications;

namespace InfoFloPay.Functions.Customers;

/// <summary>An account's contacts are the members the registry lists for it (<c>PUT /api/customers/{id}</c> <c>members</c>).</summary>
internal sealed class CustomerAccountContacts(CustomerDirectory directory) : IAccountContacts
{
    public async Task<IReadOnlyList<PersonRef>> ContactsAsync(string customerId, CancellationToken cancellationToken) =>
        (await directory.FindCachedAsync(customerId, cancellationToken).ConfigureAwait(false))?.Members.Select(member => new PersonRef(member)).ToList()
        ?? [];
}
