using System.Buffers.Text;
using System.Text;
using InfoFloPay.Domain;

namespace InfoFloPay.Functions.Tickets;

/// <summary>
/// Continuation tokens are the storage paging position (next PartitionKey and RowKey), base64url-encoded for the
/// URL. A token is accepted only if it points inside the range being listed, so an edited token can never widen
/// a customer's view beyond its own index rows.
/// </summary>
public static class ContinuationTokens
{
    public static string? Encode(string? storageToken) =>
        storageToken is null ? null : Base64Url.EncodeToString(Encoding.UTF8.GetBytes(storageToken));

    public static string? Decode(string? token, string lower, string upper)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        }
        catch (FormatException)
        {
            throw Invalid();
        }

        var space = decoded.IndexOf(' ', StringComparison.Ordinal);
        var rowKey = space < 0 ? string.Empty : decoded[(space + 1)..];
        if (space < 0 || decoded[..space] != TicketKeys.Partition
            || string.CompareOrdinal(rowKey, lower) < 0 || string.CompareOrdinal(rowKey, upper) >= 0)
        {
            throw Invalid();
        }

        return decoded;
    }

    private static RequestRejectedException Invalid()
    {
        var errors = new ValidationErrors();
        errors.Add("continuationToken", "The continuation token is not one this list returned.");
        return RequestRejectedException.Validation(errors);
    }
}
