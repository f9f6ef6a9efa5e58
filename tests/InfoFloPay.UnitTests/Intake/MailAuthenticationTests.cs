using InfoFloPay.Domain.Intake;

namespace InfoFloPay.UnitTests.Intake;

public class MailAuthenticationTests
{
    [Theory]
    [InlineData("mx.contoso.com; dmarc=fail (p=reject) header.from=infoflopay.example", "Authentication-Results: dmarc=fail")]
    [InlineData("mx.contoso.com; spf=fail smtp.mailfrom=evil.example; dkim=none", "Authentication-Results: spf=fail")]
    [InlineData("mx; spf=FAIL smtp.mailfrom=a.example; dkim=pass; DMARC=Fail action=quarantine", "Authentication-Results: spf=fail, dmarc=fail")]
    public void A_failed_dmarc_or_spf_verdict_is_the_reason(string results, string reason) =>
        Assert.Equal(reason, MailAuthentication.FailureReason(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["authentication-results"] = results }));

    [Theory]
    [InlineData("mx.contoso.com; spf=pass smtp.mailfrom=contoso.com; dkim=pass; dmarc=pass")]
    [InlineData("mx.contoso.com; dkim=fail; dmarc=pass")]
    [InlineData("mx.contoso.com; spf=softfail smtp.mailfrom=contoso.com; dmarc=pass header.from=fail.example")]
    [InlineData("mx.contoso.com; none")]
    public void A_passing_or_missing_verdict_is_no_failure(string results) =>
        Assert.Null(MailAuthentication.FailureReason(new Dictionary<string, string> { ["Authentication-Results"] = results }));

    [Fact]
    public void Without_the_header_there_is_no_verdict() =>
        Assert.Null(MailAuthentication.FailureReason(new Dictionary<string, string>()));
}
