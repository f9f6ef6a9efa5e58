using InfoFloPay.Functions.Messaging;

namespace InfoFloPay.Functions.Notifications;

/// <summary>The people to tell when monitoring finds a problem on a customer account's target: the account's members.</summary>
public interface IAccountContacts
{
    /// <summary>The contacts of account <paramref name="customerId"/>; none for an unknown account.</summary>
    Task<IReadOnlyList<PersonRef>> ContactsAsync(string customerId, CancellationToken cancellationToken);
}
