using InfoFloPay.Domain;
using InfoFloPay.Domain.Monitoring;

namespace InfoFloPay.UnitTests.Monitoring;

public sealed class TargetDefinitionTests
{
    private static TargetDraft Http(int? threshold = 3) =>
        new("payments-api", "http", "https://pay.example/health", null, null, null, threshold, null);

    [Fact]
    public void An_http_target_gets_the_default_status_and_timeout()
    {
        var target = TargetDefinition.Validate(Http()).Target!;

        Assert.Equal(ProbeKind.Http, target.Kind);
        Assert.Equal(200, target.ExpectedStatus);
        Assert.Equal(10, target.TimeoutSeconds);
        Assert.Equal(3, target.FailureThreshold);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(null)]
    public void The_failure_threshold_must_be_one_to_five(int? threshold)
    {
        var validation = TargetDefinition.Validate(Http(threshold));

        Assert.False(validation.IsValid);
        Assert.Equal(["failureThreshold"], validation.Errors.Keys);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(61)]
    public void The_timeout_must_be_one_to_sixty_seconds(int seconds)
    {
        var validation = TargetDefinition.Validate(Http() with { TimeoutSeconds = seconds });

        Assert.Equal(["timeoutSeconds"], validation.Errors.Keys);
    }

    [Theory]
    [InlineData("Payments")]
    [InlineData("-payments")]
    [InlineData("pay/ments")]
    [InlineData("")]
    public void The_name_must_be_a_lower_case_slug(string name)
    {
        Assert.Equal(["name"], TargetDefinition.Validate(Http() with { Name = name }).Errors.Keys);
    }

    [Theory]
    [InlineData("http", "ftp://pay.example/")]
    [InlineData("http", "pay.example/health")]
    [InlineData("tcp", "db.internal")]
    [InlineData("tcp", "db.internal:70000")]
    [InlineData("tcp", "https://db.internal:443/path")]
    public void The_url_must_fit_the_kind(string kind, string url)
    {
        Assert.Equal(["url"], TargetDefinition.Validate(Http() with { Kind = kind, Url = url }).Errors.Keys);
    }

    [Theory]
    [InlineData("db.internal:5432")]
    [InlineData("tcp://127.0.0.1:5432")]
    [InlineData("[::1]:5432")]
    public void A_tcp_target_is_host_and_port(string url)
    {
        var target = TargetDefinition.Validate(Http() with { Kind = "tcp", Url = url }).Target;

        Assert.NotNull(target);
        Assert.True(TcpEndpoint.TryParse(target.Url, out var endpoint));
        Assert.Equal(5432, endpoint.Port);
    }

    [Fact]
    public void A_tcp_target_has_no_status_or_body_to_check()
    {
        var validation = TargetDefinition.Validate(
            Http() with { Kind = "tcp", Url = "db.internal:5432", ExpectedStatus = 200, BodyContains = "ok" });

        Assert.Equal(["bodyContains", "expectedStatus"], validation.Errors.Keys.Order());
    }

    [Fact]
    public void Every_bad_field_is_named()
    {
        var validation = TargetDefinition.Validate(new TargetDraft("ok-name", "smtp", null, 99, 0, null, 9, ""));

        Assert.Equal(["customerId", "expectedStatus", "failureThreshold", "kind", "timeoutSeconds", "url"], validation.Errors.Keys.Order());
    }

    [Theory]
    [InlineData("http", ProbeKind.Http)]
    [InlineData("tcp", ProbeKind.Tcp)]
    public void The_kind_is_read_as_the_api_writes_it(string text, ProbeKind kind)
    {
        var target = TargetDefinition.Validate(Http() with { Kind = text, Url = kind == ProbeKind.Tcp ? "db.internal:5432" : "https://pay.example/health" }).Target!;

        Assert.Equal(kind, target.Kind);
        Assert.Equal(text, EnumText.Of(target.Kind));
    }

    [Theory]
    [InlineData("HTTP")]
    [InlineData("https")]
    [InlineData(null)]
    public void Any_other_kind_is_refused_naming_the_kinds_there_are(string? kind)
    {
        var message = Assert.Single(TargetDefinition.Validate(Http() with { Kind = kind }).Errors["kind"]);

        Assert.Contains(kind is null ? "required" : "http, tcp", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Accepting_an_invalid_draft_is_the_validation_rejection_every_api_gives()
    {
        var rejected = Assert.Throws<RequestRejectedException>(() => TargetDefinition.Validate(Http(threshold: 9) with { Kind = "ping" }).Accepted());

        Assert.Equal(Rejection.Invalid, rejected.Kind);
        Assert.Equal(["failureThreshold", "kind"], rejected.Errors.Keys.Order());
    }
}

public sealed class TargetIntervalValidationTests
{
    private static TargetValidation Validate(int? interval = null, int? recovery = null, bool? isPublic = null) =>
        TargetDefinition.Validate(new TargetDraft("api", "http", "https://a.example/health", null, null, null, 2, null, interval, recovery, isPublic));

    [Fact]
    public void Interval_and_recovery_default_to_60_seconds_and_one_success()
    {
        var target = Validate().Target!;
        Assert.Equal(60, target.IntervalSeconds);
        Assert.Equal(1, target.RecoveryThreshold);
        Assert.False(target.Public);
    }

    [Theory]
    [InlineData(9)]
    [InlineData(3601)]
    public void An_interval_outside_10_to_3600_seconds_is_refused(int interval) =>
        Assert.Contains("intervalSeconds", Validate(interval: interval).Errors.Keys);

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void A_recovery_threshold_outside_1_to_5_is_refused(int recovery) =>
        Assert.Contains("recoveryThreshold", Validate(recovery: recovery).Errors.Keys);

    [Fact]
    public void The_edges_are_accepted()
    {
        Assert.Equal(10, Validate(interval: 10, recovery: 5).Target!.IntervalSeconds);
        Assert.Equal(3600, Validate(interval: 3600, recovery: 1, isPublic: true).Target!.IntervalSeconds);
    }
}
