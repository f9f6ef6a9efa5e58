using InfoFloPay.Functions.Webhooks;

namespace InfoFloPay.IntegrationTests.Webhooks;

/// <summary>The spec's published test vector, checked first against the independent verifier, then against the desk's signer.</summary>
public sealed class StandardWebhooksSignatureTests
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string Id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const long Timestamp = 1614265330;
    private const string Payload = """{"test": 2432232314}""";
    private const string Expected = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    private static readonly DateTimeOffset At = DateTimeOffset.FromUnixTimeSeconds(Timestamp);

    [Fact]
    public void The_independent_verifier_accepts_the_reference_vector_and_refuses_tampering()
    {
        Assert.True(StandardWebhooksVerifier.Verify(Secret, Id, "1614265330", Expected, Payload, At));
        Assert.True(StandardWebhooksVerifier.Verify(Secret, Id, "1614265330", "v1,bm90IGl0 " + Expected, Payload, At));
        Assert.False(StandardWebhooksVerifier.Verify(Secret, Id, "1614265330", Expected, """{"test": 2432232315}""", At));
        Assert.False(StandardWebhooksVerifier.Verify(Secret, "msg_other", "1614265330", Expected, Payload, At));
        Assert.False(StandardWebhooksVerifier.Verify(Secret, Id, "1614265330", Expected, Payload, At.AddMinutes(6)));
        Assert.False(StandardWebhooksVerifier.Verify(Secret, Id, "1614265330", "v2," + Expected[3..], Payload, At));
    }

    [Fact]
    public void The_desk_signs_the_reference_vector_exactly_as_published()
    {
        Assert.Equal(Expected, WebhookSecret.Sign(Id, Timestamp, Payload, WebhookSecret.KeyOf(Secret)!));
    }
}
