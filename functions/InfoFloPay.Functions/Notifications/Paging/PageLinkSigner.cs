using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InfoFloPay.Functions.Notifications.Paging;

/// <summary>
/// Signs and checks acknowledgement links: <c>base64url(ticket|page|step|expiry)</c> <c>.</c>
/// <c>base64url(HMAC-SHA256)</c>, the MAC over a purpose label and those fields, keyed by <c>Paging__SigningKey</c>.
/// The purpose label keeps a signature made for anything else from passing as an acknowledgement; the comparison is
/// constant-time, so timing says nothing about how much of a forged signature was right.
/// </summary>
public sealed class PageLinkSigner
{
    public const int MinimumKeyLength = 32;

    private const string Purpose = "infoflopay/page-acknowledge/v1";
    private const char Separator = '|';

    private readonly byte[] _key;

    public PageLinkSigner(IOptions<PagingOptions> options, IConfiguration configuration, ILogger<PageLinkSigner> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var configured = options.Value.SigningKey;
        if (!string.IsNullOrEmpty(configured))
        {
            _key = Encoding.UTF8.GetBytes(configured);
            CanSign = true;
        }
        else if (AzureDeployment.IsAzure(configuration))
        {
            // A key made up per process would not verify on the next instance Flex scales out to, and a fresh
            // `azd up` has no vault secret yet: pages then carry no link (the console and the API still
            // acknowledge), and every token is refused, rather than the desk refusing to start. The warning is
            // logged once at start-up (SigningKeyStartupWarning), not whenever this is first used.
            _key = RandomNumberGenerator.GetBytes(32);
        }
        else
        {
            logger.LogWarning("Paging__SigningKey is not set: acknowledgement links are signed with a key made up for this process");
            _key = RandomNumberGenerator.GetBytes(32);
            CanSign = true;
        }
    }

    /// <summary>False in Azure without a configured key: no link is made, and none verifies.</summary>
    public bool CanSign { get; }

    public string Sign(PageLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        var payload = Encoding.UTF8.GetBytes(string.Join(
            Separator, link.TicketId, link.PageId, link.Step.ToString(CultureInfo.InvariantCulture),
            link.ExpiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        return Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(Mac(payload));
    }

    /// <summary>The link <paramref name="token"/> stands for and whether it may be used at <paramref name="now"/>;
    /// the link is null when the token is <see cref="PageLinkVerdict.Invalid"/>.</summary>
    public (PageLinkVerdict Verdict, PageLink? Link) Verify(string? token, DateTimeOffset now)
    {
        if (!CanSign || string.IsNullOrEmpty(token) || token.Length > 512 || token.Split('.') is not [var payloadText, var macText]
            || !TryDecode(payloadText, out var payload) || !TryDecode(macText, out var mac)
            || !CryptographicOperations.FixedTimeEquals(Mac(payload), mac))
        {
            return (PageLinkVerdict.Invalid, null);
        }

        // Signed by this desk, so the fields are as it wrote them; parse defensively all the same.
        var fields = Encoding.UTF8.GetString(payload).Split(Separator);
        if (fields is not [var ticketId, var pageId, var stepText, var expiryText]
            || !int.TryParse(stepText, NumberStyles.None, CultureInfo.InvariantCulture, out var step)
            || !long.TryParse(expiryText, NumberStyles.None, CultureInfo.InvariantCulture, out var expiry))
        {
            return (PageLinkVerdict.Invalid, null);
        }

        var link = new PageLink(ticketId, pageId, step, DateTimeOffset.FromUnixTimeSeconds(expiry));
        return (now >= link.ExpiresAt ? PageLinkVerdict.Expired : PageLinkVerdict.Valid, link);
    }

    private byte[] Mac(byte[] payload)
    {
        var purpose = Encoding.UTF8.GetBytes(Purpose + "\n");
        byte[] message = [.. purpose, .. payload];
        return HMACSHA256.HashData(_key, message);
    }

    private static bool TryDecode(string text, out byte[] bytes)
    {
        try
        {
            bytes = Base64Url.DecodeFromChars(text);
            return true;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }
}
