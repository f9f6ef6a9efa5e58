using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Deque.AxeCore.Playwright;
using InfoFloPay.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InfoFloPay.IntegrationTests.Portal;

/// <summary>Attachments in the portal, in a real browser against the seeded local host: a customer attaches a file to
/// their ticket, sees it as a download link, downloads it byte for byte; a refused file is explained beside the field.</summary>
[Collection(PortalCollectionDefinition.Name)]
public sealed class PortalAttachmentTests(PortalSite site)
{
    private static readonly byte[] Pdf = [.. "%PDF-1.7\n"u8, .. Enumerable.Range(0, 4000).Select(i => (byte)(i % 253))];

    [Fact]
    public async Task A_customer_attaches_a_file_sees_its_link_and_downloads_it_and_a_refused_type_is_explained_at_the_field()
    {
        using var carol = site.Host.As("carol@contoso.com");
        var opened = await carol.PostAsJsonAsync(new Uri("/api/tickets", UriKind.Relative), new { subject = "Payout statement totals wrong", description = "See the statement." });
        opened.EnsureSuccessStatusCode();
        var id = (await opened.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();

        var page = await site.OpenPortalAsync();
        await page.GetByLabel("Demo user").SelectOptionAsync("carol@contoso.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in locally" }).ClickAsync();
        await Expect(page.Locator("#view-tickets")).ToBeVisibleAsync();
        await page.EvaluateAsync("hash => { location.hash = hash; }", $"#ticket/{id}");
        await Expect(page.Locator("#ticket-title")).ToContainTextAsync("Payout statement totals wrong");
        await Expect(page.Locator("#attachments-empty")).ToBeVisibleAsync();

        // A type the desk does not take: the reason is next to the file field, and nothing is listed.
        await page.GetByLabel("Attach a file").SetInputFilesAsync(new FilePayload { Name = "page.html", MimeType = "text/html", Buffer = "<html><body>hi</body></html>"u8.ToArray() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload file" }).ClickAsync();
        await Expect(page.Locator("#attach-file-error")).ToContainTextAsync("cannot be attached");
        await Expect(page.GetByLabel("Attach a file")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#attachment-list li")).ToHaveCountAsync(0);

        await page.GetByLabel("Attach a file").SetInputFilesAsync(new FilePayload { Name = "statement.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload file" }).ClickAsync();
        var link = page.Locator("#attachment-list").GetByRole(AriaRole.Link, new() { Name = "statement.pdf" });
        await Expect(link).ToBeVisibleAsync();
        await Expect(page.Locator("#attach-file-error")).ToBeEmptyAsync();
        await Expect(page.Locator("#timeline li.attachment-added")).ToContainTextAsync("statement.pdf");

        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        Assert.Equal("statement.pdf", download.SuggestedFilename);
        Assert.Equal(Pdf, await File.ReadAllBytesAsync((await download.PathAsync())!));

        var violations = AxeScan.Serious(await page.RunAxe(AxeScan.WcagAA), "portal ticket with attachments").ToList();
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));

        // The API agrees: one file on the ticket, the one uploaded.
        var listed = await carol.GetFromJsonAsync<JsonObject>(new Uri($"/api/tickets/{id}/attachments", UriKind.Relative));
        Assert.Equal("statement.pdf", Assert.Single(listed!["items"]!.AsArray())!["fileName"]!.GetValue<string>());
    }
}
