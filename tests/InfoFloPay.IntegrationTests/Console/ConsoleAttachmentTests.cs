using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Deque.AxeCore.Playwright;
using InfoFloPay.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InfoFloPay.IntegrationTests.Console;

/// <summary>Attachments in the ticket workspace, in a real browser against the seeded local host: the agent sees the
/// customer's file, downloads it, attaches one of their own, and a refused file is explained at the field.</summary>
[Collection(ConsoleCollectionDefinition.Name)]
public sealed class ConsoleAttachmentTests(ConsoleSite site)
{
    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, .. Enumerable.Range(0, 2000).Select(i => (byte)(i % 241))];
    private static readonly byte[] Csv = "date,amount\n2026-11-20,120.00\n2026-11-21,80.50\n"u8.ToArray();

    [Fact]
    public async Task An_agent_downloads_the_customers_file_and_attaches_one_and_a_refused_file_is_explained_at_the_field()
    {
        var id = await site.OpenTicketAsync(ConsoleSite.Carol, "Settlement screenshot attached " + Guid.NewGuid().ToString("N")[..6], "See the screenshot.");
        using (var carol = site.Host.As(ConsoleSite.Carol))
        {
            var file = new ByteArrayContent(Png);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            (await carol.PostAsync(new Uri($"/api/tickets/{id}/attachments", UriKind.Relative), new MultipartFormDataContent { { file, "file", "settlement.png" } })).EnsureSuccessStatusCode();
        }

        var page = await site.OpenAsAgentAsync($"#/ticket/{id}", new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        var panel = page.Locator("#ws-attachments");
        var customerFile = panel.GetByRole(AriaRole.Link, new() { Name = "settlement.png" });
        await Expect(customerFile).ToBeVisibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => customerFile.ClickAsync());
        Assert.Equal("settlement.png", download.SuggestedFilename);
        Assert.Equal(Png, await File.ReadAllBytesAsync((await download.PathAsync())!));

        // SVG is markup, which the desk never serves: 415, said beside the file field.
        await page.GetByLabel("Attach a file").SetInputFilesAsync(new FilePayload { Name = "chart.svg", MimeType = "image/svg+xml", Buffer = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"u8.ToArray() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload file" }).ClickAsync();
        await Expect(page.Locator("#attach-file-error")).ToContainTextAsync("cannot be attached");
        await Expect(page.GetByLabel("Attach a file")).ToHaveAttributeAsync("aria-invalid", "true");

        await page.GetByLabel("Attach a file").SetInputFilesAsync(new FilePayload { Name = "payouts.csv", MimeType = "text/csv", Buffer = Csv });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload file" }).ClickAsync();
        await Expect(panel.GetByRole(AriaRole.Link, new() { Name = "payouts.csv" })).ToBeVisibleAsync();
        await Expect(page.Locator("#attach-form .form-message")).ToContainTextAsync("payouts.csv attached.");
        await Expect(page.Locator("#ws-timeline li[data-kind='attachment-added']")).ToHaveCountAsync(2);

        var violations = AxeScan.Serious(await page.RunAxe(AxeScan.WcagAA), "workspace with attachments").ToList();
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));

        // The customer sees the agent's file on their ticket.
        using var customer = site.Host.As(ConsoleSite.Carol);
        var listed = await customer.GetFromJsonAsync<JsonObject>(new Uri($"/api/tickets/{id}/attachments", UriKind.Relative));
        // Both were added at the same instant of the local host's frozen clock, so their order says nothing.
        Assert.Equal(["payouts.csv", "settlement.png"], listed!["items"]!.AsArray().Select(a => a!["fileName"]!.GetValue<string>()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_file_the_customer_attaches_while_the_agent_has_the_ticket_open_appears_at_the_next_refresh()
    {
        var id = await site.OpenTicketAsync(ConsoleSite.Carol, "Chargeback evidence to follow " + Guid.NewGuid().ToString("N")[..6], "Sending the receipt next.");
        var page = await site.OpenAsAgentAsync($"#/ticket/{id}", new() { ViewportSize = new() { Width = 1280, Height = 800 } }, controlTimers: true);
        var panel = page.Locator("#ws-attachments");
        await Expect(panel).ToContainTextAsync("No files attached.");

        using (var carol = site.Host.As(ConsoleSite.Carol))
        {
            var file = new ByteArrayContent(Csv);
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            (await carol.PostAsync(new Uri($"/api/tickets/{id}/attachments", UriKind.Relative), new MultipartFormDataContent { { file, "file", "receipt.csv" } })).EnsureSuccessStatusCode();
        }

        await page.Clock.RunForAsync(16_000);
        await Expect(panel.GetByRole(AriaRole.Link, new() { Name = "receipt.csv" })).ToBeVisibleAsync();
        await Expect(page.Locator("#ws-timeline li[data-kind='attachment-added']")).ToHaveCountAsync(1);
    }
}
