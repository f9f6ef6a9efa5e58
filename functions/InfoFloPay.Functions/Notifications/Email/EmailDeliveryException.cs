namespace InfoFloPay.Functions.Notifications.Email;

/// <summary>The mail service refused a message. <see cref="IsTransient"/> says whether a later attempt may succeed
/// (throttling or a server fault that outlasted the retries) or never will (a bad address or request).</summary>
public sealed class EmailDeliveryException : Exception
{
    public EmailDeliveryException()
    {
    }

    public EmailDeliveryException(string message)
        : base(message)
    {
    }

    public EmailDeliveryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public EmailDeliveryException(int status, string? errorCode, string message)
        : base(message)
    {
        Status = status;
        ErrorCode = errorCode;
    }

    public int Status { get; }

    public string? ErrorCode { get; }

    public bool IsTransient => Status is 408 or 429 or >= 500;
}
