using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using InfoFloPay.Functions.Attachments;
using Microsoft.Extensions.DependencyInjection;

namespace InfoFloPay.IntegrationTests.Attachments;

/// <summary>
/// Files carried by inbound mail (<c>POST /api/inbound/email</c>, <c>attachments[]</c> in base64) on the local host with
/// Azurite blobs: they land through the same attachment rules as uploads; a refused one is noted on the timeline and the
/// mail still becomes its ticket or reply; a redelivered mail adds nothing twice.
/// </summary>
[Collection(AttachmentApiCollectionDefinition.Name)]
public sealed class MailAttachmentTests(AttachmentApiFixture fixture)
{
    private static readonly byte[] Pdf = [.. "%PDF-1.7\n"u8, .. Enumerable.Range(0, 3000).Select(i => (byte)(i % 251))];
    private static readonly byte[] Executable = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0xFF, 0xFF];

    private HttpClient CustomerA => fixture.Host.As(AttachmentApiFixture.CustomerA);

    private static Uri Path(string path) => new(path, UriKind.Relative);

    private static JsonObject Email(string messageId, string subject, string? inReplyTo, params (string Name, byte[] Bytes)[] files) => new()
    {
        ["messageId"] = messageId,
        ["from"] = new JsonObject { ["name"] = "Alice", ["email"] = AttachmentApiFixture.CustomerA },
        ["to"] = new JsonArray("support@infoflopay.example"),
        ["subject"] = subject,
        ["text"] = "Please see the attached files.",
        ["inReplyTo"] = inReplyTo,
        ["attachments"] = new JsonArray([.. files.Select(f => (JsonNode)new JsonObject
        {
            ["fileName"] = f.Name,
            ["contentType"] = "application/octet-stream",
            ["contentBase64"] = Convert.ToBase64String(f.Bytes),
        })]),
    };

    private async Task<(HttpStatusCode Status, JsonObject Body)> MailAsync(JsonObject email)
    {
        using var response = await fixture.Host.Anonymous().PostAsync(Path("/api/inbound/email"), new StringContent(email.ToJsonString(), Encoding.UTF8, "application/json"));
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        await fixture.Host.MessagesSettledAsync();
        return (response.StatusCode, body);
    }

    private async Task<JsonArray> AttachmentsAsync(string ticketId) =>
        (await CustomerA.GetFromJsonAsync<JsonObject>(Path($"/api/tickets/{ticketId}/attachments")))!["items"]!.AsArray();

    private async Task<List<JsonObject>> EventsAsync(string ticketId, string kind) =>
        [.. (await CustomerA.GetFromJsonAsync<JsonObject>(Path($"/api/tickets/{ticketId}/events")))!["items"]!.AsArray()
            .Select(e => e!.AsObject()).Where(e => e["kind"]!.GetValue<string>() == kind)];

    [Fact]
    public async Task A_mails_allowed_file_is_stored_and_downloads_and_the_refused_ones_are_noted_while_the_mail_becomes_a_ticket()
    {
        var tooLarge = new byte[(int)AttachmentApiFixture.MaxBytes + 1];
        Pdf.CopyTo(tooLarge, 0);
        var email = Email($"<{Guid.NewGuid():N}@mail.acme.test>", "Invoice mismatch", null, ("invoice.pdf", Pdf), ("setup.exe", Executable), ("scan.pdf", tooLarge));

        var (status, body) = await MailAsync(email);

        Assert.Equal(HttpStatusCode.Created, status);
        var id = body["ticketId"]!.GetValue<string>();
        var stored = Assert.Single(await AttachmentsAsync(id))!;
        Assert.Equal(("invoice.pdf", "application/pdf", Pdf.Length), (stored["fileName"]!.GetValue<string>(), stored["contentType"]!.GetValue<string>(), stored["size"]!.GetValue<int>()));
        using (var download = await CustomerA.GetAsync(Path($"/api/tickets/{id}/attachments/{stored["id"]!.GetValue<string>()}")))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        }

        var added = Assert.Single(await EventsAsync(id, "attachment-added"));
        Assert.Equal(("invoice.pdf", AttachmentApiFixture.CustomerA), (added["note"]!.GetValue<string>(), added["actor"]!["email"]!.GetValue<string>()));
        var refused = (await EventsAsync(id, "attachment-refused")).Select(e => e["note"]!.GetValue<string>()).ToList();
        Assert.Equal(2, refused.Count);
        Assert.Contains(refused, note => note.StartsWith("setup.exe: ", StringComparison.Ordinal) && note.Contains("cannot be attached", StringComparison.Ordinal));
        Assert.Contains(refused, note => note.StartsWith("scan.pdf: ", StringComparison.Ordinal) && note.Contains("larger than the limit", StringComparison.Ordinal));
        var store = fixture.Host.Services.GetRequiredService<AttachmentStore>();
        Assert.Equal(1, await store.CountBlobsAsync(id, CancellationToken.None));

        // The pipeline delivers the same mail again: the same ticket, and nothing stored or noted twice.
        var (again, replay) = await MailAsync(email);
        Assert.Equal(HttpStatusCode.OK, again);
        Assert.Equal(id, replay["ticketId"]!.GetValue<string>());
        Assert.Single(await AttachmentsAsync(id));
        Assert.Equal(2, (await EventsAsync(id, "attachment-refused")).Count);
        Assert.Equal(1, await store.CountBlobsAsync(id, CancellationToken.None));
    }

    [Fact]
    public async Task A_reply_by_mail_adds_its_file_to_the_ticket_it_threads_into()
    {
        var first = $"<{Guid.NewGuid():N}@mail.acme.test>";
        var (_, created) = await MailAsync(Email(first, "Refund missing", null));
        var id = created["ticketId"]!.GetValue<string>();
        Assert.Empty(await AttachmentsAsync(id));

        var (status, appended) = await MailAsync(Email($"<{Guid.NewGuid():N}@mail.acme.test>", "Re: Refund missing", first, ("statement.pdf", Pdf)));

        Assert.Equal((HttpStatusCode.OK, "appended", id), (status, appended["outcome"]!.GetValue<string>(), appended["ticketId"]!.GetValue<string>()));
        Assert.Equal("statement.pdf", Assert.Single(await AttachmentsAsync(id))!["fileName"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_attachment_that_is_not_base64_is_a_problem_naming_it_and_nothing_is_stored()
    {
        var subject = "Broken" + Guid.NewGuid().ToString("N")[..8];
        var email = Email($"<{Guid.NewGuid():N}@mail.acme.test>", subject, null, ("a.pdf", Pdf));
        email["attachments"]![0]!["contentBase64"] = "not base64 at all!";

        var (status, problem) = await MailAsync(email);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(problem["errors"]!["attachments[0].contentBase64"]);
        using var list = await fixture.Host.Manager().GetAsync(Path("/api/tickets?status=all&q=" + subject));
        Assert.Empty((await list.Content.ReadFromJsonAsync<JsonObject>())!["items"]!.AsArray());
    }
}
