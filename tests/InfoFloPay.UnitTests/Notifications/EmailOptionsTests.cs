using System.ComponentModel.DataAnnotations;
using InfoFloPay.Functions.Notifications.Email;

namespace InfoFloPay.UnitTests.Notifications;

public class EmailOptionsTests
{
    private static List<string> Problems(EmailOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return [.. results.Select(result => result.ErrorMessage!)];
    }

    [Fact]
    public void Managed_identity_needs_an_endpoint_and_says_which_settings_to_set()
    {
        var problems = Problems(new EmailOptions { SenderAddress = "DoNotReply@infoflopay.example" });

        Assert.Contains(problems, problem => problem.Contains("Email__Endpoint") && problem.Contains("Email__ConnectionString"));
    }

    [Fact]
    public void A_connection_string_needs_no_endpoint_but_must_be_well_formed()
    {
        Assert.Empty(Problems(new EmailOptions
        {
            SenderAddress = "DoNotReply@infoflopay.example",
            ConnectionString = "endpoint=https://contoso.communication.azure.com/;accesskey=pw==",
        }));
        Assert.Single(Problems(new EmailOptions { SenderAddress = "DoNotReply@infoflopay.example", ConnectionString = "accesskey=pw==" }));
    }

    [Fact]
    public void An_unknown_credential_kind_is_refused()
    {
        var problems = Problems(new EmailOptions
        {
            SenderAddress = "DoNotReply@infoflopay.example",
            Endpoint = new Uri("https://contoso.communication.azure.com"),
            Credential = "password",
        });

        Assert.Contains(problems, problem => problem.Contains("Email:Credential"));
    }
}
