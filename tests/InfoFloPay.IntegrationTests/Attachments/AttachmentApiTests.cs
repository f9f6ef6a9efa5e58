using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using InfoFloPay.Functions.Attachments;
using Microsoft.Extensions.DependencyInjection;

namespace InfoFloPay.IntegrationTests.Attachments;

[Collection(AttachmentApiCollectionDefinition.Name)]
public sealed class AttachmentApiTests(AttachmentApiFixture fixture)
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private HttpClient CustomerA => fixture.Host.As(AttachmentApiFixture.CustomerA);

    private HttpClient CustomerB => fixture.Host.As(AttachmentApiFixture.CustomerB);

    private static Uri Path(string path) => new(path, UriKind.Relative);

    private static MultipartFormDataContent Form(byte[] bytes, string fileName, string declaredType = "application/octet-stream")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(declaredType);
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    /// <summary>A PNG of <paramref name="size"/> bytes: the signature, then bytes that differ from block to block.</summary>
    private static byte[] Png(int size)
    {
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);
        PngSignature.CopyTo(bytes, 0);
        return bytes;
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string ticketId, byte[] bytes, string fileName, string declaredType = "application/octet-stream") =>
        await client.PostAsync(Path($"/api/tickets/{ticketId}/attachments"), Form(bytes, fileName, declaredType));

    private async Task AssertNothingStoredAsync(string ticketId)
    {
        using var list = await CustomerA.GetAsync(Path($"/api/tickets/{ticketId}/attachments"));
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Empty((await list.Content.ReadFromJsonAsync<JsonObject>())!["items"]!.AsArray());
        var store = fixture.Host.Services.GetRequiredService<AttachmentStore>();
        Assert.Equal(0, await store.CountBlobsAsync(ticketId, CancellationToken.None));
        using var events = await CustomerA.GetAsync(Path($"/api/tickets/{ticketId}/events"));
        Assert.DoesNotContain("attachment-added", await events.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_customer_uploads_a_file_in_several_blocks_and_downloads_it_byte_for_byte()
    {
        var id = await fixture.OpenTicketAsync();
        var bytes = Png(5 * 1024 * 1024 + 123);

        using var created = await UploadAsync(CustomerA, id, bytes, "screenshot.png", "image/png");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        var attachmentId = body["id"]!.GetValue<string>();
        Assert.Equal("screenshot.png", body["fileName"]!.GetValue<string>());
        Assert.Equal("image/png", body["contentType"]!.GetValue<string>());
        Assert.Equal(bytes.Length, body["size"]!.GetValue<long>());
        Assert.Equal($"/api/tickets/{id}/attachments/{attachmentId}", created.Headers.Location!.OriginalString);

        using var download = await CustomerA.GetAsync(created.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());

        using var list = await CustomerA.GetAsync(Path($"/api/tickets/{id}/attachments"));
        var items = (await list.Content.ReadFromJsonAsync<JsonObject>())!["items"]!.AsArray();
        Assert.Equal(attachmentId, Assert.Single(items)!["id"]!.GetValue<string>());

        // The timeline tells the customer (and staff) a file was added, and which.
        using var events = await CustomerA.GetAsync(Path($"/api/tickets/{id}/events"));
        var added = (await events.Content.ReadFromJsonAsync<JsonObject>())!["items"]!.AsArray().Single(e => e!["kind"]!.GetValue<string>() == "attachment-added")!;
        Assert.Equal("screenshot.png", added["note"]!.GetValue<string>());
        Assert.Equal(AttachmentApiFixture.CustomerA, added["actor"]!["email"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_download_is_an_attachment_with_the_sniffed_type_nosniff_and_the_utf8_file_name()
    {
        var id = await fixture.OpenTicketAsync();
        var text = Encoding.UTF8.GetBytes("2026-11-24 payment 500 error\nretry failed\n");

        // Declared as an image, named with a non-ASCII name: what is served comes from the bytes.
        using var created = await UploadAsync(CustomerA, id, text, "Zahlungsprotokoll für März.log", "image/png");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        using var download = await fixture.Host.Agent().GetAsync(created.Headers.Location);

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", download.Content.Headers.ContentType!.ToString());
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        var disposition = download.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Contains("filename*=UTF-8''Zahlungsprotokoll%20f%C3%BCr%20M%C3%A4rz.log", download.Content.Headers.GetValues("Content-Disposition").Single(), StringComparison.Ordinal);
        Assert.Equal(text, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Another_account_gets_404_for_the_list_the_download_and_an_upload()
    {
        var id = await fixture.OpenTicketAsync();
        using var created = await UploadAsync(CustomerA, id, Png(1000), "a.png");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        using var list = await CustomerB.GetAsync(Path($"/api/tickets/{id}/attachments"));
        using var download = await CustomerB.GetAsync(created.Headers.Location);
        using var upload = await UploadAsync(CustomerB, id, Png(1000), "b.png");

        Assert.Equal(HttpStatusCode.NotFound, list.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, upload.StatusCode);
        Assert.Equal("application/problem+json", upload.Content.Headers.ContentType!.MediaType);
        using var mine = await CustomerA.GetAsync(Path($"/api/tickets/{id}/attachments"));
        Assert.Single((await mine.Content.ReadFromJsonAsync<JsonObject>())!["items"]!.AsArray());
    }

    [Fact]
    public async Task An_oversized_file_is_413_and_leaves_no_blob_row_or_timeline_entry()
    {
        var id = await fixture.OpenTicketAsync();

        using var response = await UploadAsync(CustomerA, id, Png((int)AttachmentApiFixture.MaxBytes + 1), "huge.png");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        await AssertNothingStoredAsync(id);
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><script>alert(1)</script></html>", "cat.png")]
    [InlineData("  <svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>", "logo.png")]
    [InlineData("MZ\u0090\0\u0003\0\0\0\u0004\0\0\0", "setup.pdf")]
    public async Task A_disallowed_type_is_415_whatever_its_name_and_declared_type_and_stores_nothing(string content, string fileName)
    {
        var id = await fixture.OpenTicketAsync();

        using var response = await UploadAsync(CustomerA, id, Encoding.Latin1.GetBytes(content), fileName, "image/png");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("Allowed:", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNothingStoredAsync(id);
    }

    [Fact]
    public async Task A_form_field_other_than_file_is_400_naming_it_and_stores_nothing()
    {
        var id = await fixture.OpenTicketAsync();
        var form = Form(Png(2000), "a.png");
        form.Add(new StringContent("x"), "comment");

        using var response = await CustomerA.PostAsync(Path($"/api/tickets/{id}/attachments"), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("comment", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNothingStoredAsync(id);
    }
}
