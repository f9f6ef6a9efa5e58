using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using InfoFloPay.DevHost.Outbox;
using InfoFloPay.IntegrationTests.Infrastructure;

namespace InfoFloPay.IntegrationTests.Flows;

/// <summary>
/// The desk as its users drive it over HTTP on the local host, with one freshly registered customer account per
/// instance (its own email domain, so tests sharing Azurite never see each other's tickets), and what went out by mail
/// or pager after each call, once the in-process bus has settled.
/// </summary>
public sealed class Desk(Infrastructure.LocalHost host, string accountId, string domain)
{
    public const string Ava = "ava.agent@infoflopay.example";
    public const string Ben = "ben.agent@infoflopay.example";
    public const string Olivia = "olivia.ops@infoflopay.example";
    public const string OliviaPager = "olivia.pager@infoflopay.example";

    public Infrastructure.LocalHost Host => host;

    public string AccountId => accountId;

    /// <summary>The requester, a member of the account through its domain.</summary>
    public string Carol => $"carol@{domain}";

    /// <summary>Another user of the same account.</summary>
    public string Dave => $"dave@{domain}";

    public static async Task<Desk> OpenAsync(Infrastructure.LocalHost host)
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var desk = new Desk(host, "flows-" + suffix, $"flows-{suffix}.example");
        await desk.RegisterAccountAsync(desk.AccountId, $"flows-{suffix}.example");
        return desk;
    }

    /// <summary>Registers another account (by domain) and returns its id.</summary>
    public async Task RegisterAccountAsync(string id, string emailDomain)
    {
        using var response = await host.Manager().PutAsync(Relative($"/api/customers/{id}"),
            Json($$"""{"name":"{{id}}","tier":"reserve","emailDomains":["{{emailDomain}}"],"members":[]}"""));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public HttpClient Customer(string? email = null) => host.As(email ?? Carol);

    public async Task<string> OpenTicketAsync(HttpClient? client = null, string subject = "Payouts failing", string? priority = null, string? requester = null)
    {
        var body = new JsonObject { ["subject"] = subject, ["description"] = "Yesterday's payouts never arrived." };
        if (priority is not null)
        {
            body["priority"] = priority;
            body["customerId"] = accountId;
        }

        if (requester is not null)
        {
            body["requester"] = new JsonObject { ["email"] = requester };
        }

        var ticket = await SendAsync(client ?? Customer(), HttpMethod.Post, "/api/tickets", body, HttpStatusCode.Created);
        return ticket["id"]!.GetValue<string>();
    }

    public Task<JsonObject> TriageAsync(string id, string priority, string? assignee = Ava) =>
        SendAsync(host.Agent(), HttpMethod.Post, $"/api/tickets/{id}/triage", new JsonObject { ["priority"] = priority, ["assignee"] = assignee });

    public Task<JsonObject> ReplyAsync(HttpClient client, string id, string body, bool? isInternal = null) =>
        SendAsync(client, HttpMethod.Post, $"/api/tickets/{id}/replies", new JsonObject { ["body"] = body, ["internal"] = isInternal });

    public Task<JsonObject> ChangeStatusAsync(string id, string status, string? note = null) =>
        SendAsync(host.Agent(), HttpMethod.Post, $"/api/tickets/{id}/status", new JsonObject { ["status"] = status, ["note"] = note });

    public async Task<JsonObject> GetTicketAsync(string id, HttpClient? client = null) =>
        (await (client ?? host.Agent()).GetFromJsonAsync<JsonObject>(Relative($"/api/tickets/{id}")))!;

    public static async Task<IReadOnlyList<JsonObject>> EventsAsync(string id, HttpClient client)
    {
        var events = await client.GetFromJsonAsync<JsonObject>(Relative($"/api/tickets/{id}/events"));
        return [.. events!["items"]!.AsArray().Select(e => e!.AsObject())];
    }

    public static IEnumerable<JsonObject> NotificationsOf(IEnumerable<JsonObject> events) =>
        events.Where(e => e["kind"]!.GetValue<string>() == "notification-sent");

    public static IEnumerable<string> Recipients(JsonObject notificationEvent) =>
        notificationEvent["recipients"]!.AsArray().Select(to => to!.GetValue<string>());

    /// <summary>Posts to email intake and returns the status and body.</summary>
    public async Task<(HttpStatusCode Status, JsonObject Body, HttpResponseMessage Response)> MailAsync(JsonObject email)
    {
        var response = await host.Anonymous().PostAsync(Relative("/api/inbound/email"), Json(email.ToJsonString()));
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        await host.MessagesSettledAsync();
        return (response.StatusCode, body!, response);
    }

    public static JsonObject Email(string from, string subject, string text, string? inReplyTo = null, string? messageId = null, JsonObject? headers = null) => new()
    {
        ["messageId"] = messageId ?? $"<{Guid.NewGuid():N}@mail.example>",
        ["from"] = new JsonObject { ["name"] = from.Split('@')[0], ["email"] = from },
        ["to"] = new JsonArray("support@infoflopay.example"),
        ["subject"] = subject,
        ["text"] = text,
        ["inReplyTo"] = inReplyTo,
        ["headers"] = headers ?? [],
    };

    /// <summary>What was sent for the ticket, oldest first (the outbox lists newest first).</summary>
    public IReadOnlyList<OutboxEntry> Sent(string ticketId) => [.. host.Outbox.Entries.Where(entry => entry.TicketId == ticketId).Reverse()];

    public IReadOnlyList<string> EmailedTo(string ticketId) =>
        [.. Sent(ticketId).Where(entry => entry.Channel == "email").SelectMany(entry => entry.To)];

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static Uri Relative(string path) => new(path, UriKind.Relative);

    private async Task<JsonObject> SendAsync(HttpClient client, HttpMethod method, string path, JsonObject body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var request = new HttpRequestMessage(method, Relative(path)) { Content = Json(body.ToJsonString()) };
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{method} {path}: {(int)response.StatusCode} {text}");
        await host.MessagesSettledAsync();
        return JsonNode.Parse(text)!.AsObject();
    }
}
