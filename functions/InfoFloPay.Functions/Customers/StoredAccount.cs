using Azure;
using InfoFloPay.Domain.Customers;

namespace InfoFloPay.Functions.Customers;

public sealed record StoredAccount(CustomerAccount Account, ETag ETag, bool Created = false);
