using System.Text.Json;
using InfoFloPay.Domain;
using InfoFloPay.Domain.Tickets;
using InfoFloPay.Functions.Tickets;
using InfoFloPay.IntegrationTests.Infrastructure;

namespace InfoFloPay.IntegrationTests.Tickets;

[Collection(AzuriteCollectionDefinition.Name)]
public sealed class TicketCreationTests(AzuriteFixture azurite) : IDisposable
{
    private readonly TicketDesk _desk = new(azurite);

    [Fact]
    public async Task A_customer_ticket_belongs_to_its_account_with_the_accounts_tier_and_default_priority()
    {
        await _desk.RegisterAccountsAsync();

        var result = await _desk.Service.CreateAsync(new NewTicketRequest("  Payments page blank ", "Since 9am.", null, null, null, "billing"), TicketDesk.CustomerA, TicketChannel.Portal, null, default);

        var stored = await _desk.Service.GetAsync(result.Ticket.Id, TicketDesk.Agent, default);
        Assert.Equal("acme", stored.Ticket.CustomerId);
        Assert.Equal("Payments page blank", stored.Ticket.Subject);
        Assert.Equal("Since 9am.", stored.Ticket.Description);
        Assert.Equal(TicketStatus.New, stored.Ticket.Status);
        Assert.Equal(TicketPriority.Medium, stored.Ticket.Priority);
        Assert.Equal(TicketChannel.Portal, stored.Ticket.Channel);
        Assert.Equal("vip", stored.Ticket.Sla.Tier);
        Assert.Equal(new Requester("Alice", "alice@acme.test"), stored.Ticket.Requester);
        Assert.Equal(result.ETag, stored.ETag);
    }

    [Fact]
    public async Task A_retry_with_the_same_idempotency_key_returns_the_first_ticket_and_creates_nothing()
    {
        await _desk.RegisterAccountsAsync();
        var request = new NewTicketRequest("Refund missing", "Order 77", null, null, null, null);
        var first = await _desk.Service.CreateAsync(request, TicketDesk.CustomerA, TicketChannel.Api, "key-1", default);
        var rowsAfterFirst = (await _desk.AllRowsAsync()).Count(r => !r.RowKey.StartsWith("counter|", StringComparison.Ordinal));
        _desk.Clock.Advance(TimeSpan.FromMinutes(5));

        var retry = await _desk.Service.CreateAsync(request with { }, TicketDesk.CustomerA, TicketChannel.Api, "key-1", default);

        Assert.True(retry.Replayed);
        Assert.Equal(JsonSerializer.Serialize(TicketResponse.From(first.Ticket)), JsonSerializer.Serialize(TicketResponse.From(retry.Ticket)));
        Assert.Equal(rowsAfterFirst, (await _desk.AllRowsAsync()).Count(r => !r.RowKey.StartsWith("counter|", StringComparison.Ordinal)));
        Assert.Single(_desk.Bus.Sent);
    }

    [Fact]
    public async Task The_same_idempotency_key_with_a_different_body_is_refused_and_creates_nothing()
    {
        await _desk.RegisterAccountsAsync();
        await _desk.Service.CreateAsync(new NewTicketRequest("Refund missing", "Order 77", null, null, null, null), TicketDesk.CustomerA, TicketChannel.Api, "key-1", default);
        var before = await _desk.AllRowsAsync();

        var ex = await Assert.ThrowsAsync<RequestRejectedException>(() =>
            _desk.Service.CreateAsync(new NewTicketRequest("Refund missing", "Order 78", null, null, null, null), TicketDesk.CustomerA, TicketChannel.Api, "key-1", default));

        Assert.Equal(Rejection.IdempotencyMismatch, ex.Kind);
        Assert.Equal(before.Count(r => !r.RowKey.StartsWith("counter|", StringComparison.Ordinal)),
            (await _desk.AllRowsAsync()).Count(r => !r.RowKey.StartsWith("counter|", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Two_callers_may_use_the_same_idempotency_key_independently()
    {
        await _desk.RegisterAccountsAsync();
        var request = new NewTicketRequest("Same words", "Same body", null, null, null, null);

        var a = await _desk.Service.CreateAsync(request, TicketDesk.CustomerA, TicketChannel.Api, "shared", default);
        var b = await _desk.Service.CreateAsync(request, TicketDesk.CustomerB, TicketChannel.Api, "shared", default);

        Assert.NotEqual(a.Ticket.Id, b.Ticket.Id);
        Assert.False(b.Replayed);
    }

    [Theory]
    [InlineData("", "fine", null, "subject")]
    [InlineData("ok", "fine", "critical", "priority")]
    [InlineData("ok", null, null, "customerId")]
    public async Task Bad_input_is_refused_naming_the_field_and_stores_nothing(string subject, string? description, string? priority, string field)
    {
        await _desk.RegisterAccountsAsync();
        var before = await _desk.AllRowsAsync();
        var customerId = field == "customerId" ? "no-such-account" : null;

        var ex = await Assert.ThrowsAsync<RequestRejectedException>(() =>
            _desk.Service.CreateAsync(new NewTicketRequest(subject, description, null, customerId, priority, null), TicketDesk.Agent, TicketChannel.Api, "k", default));

        Assert.Equal(Rejection.Invalid, ex.Kind);
        Assert.Contains(field, ex.Errors.Keys);
        Assert.Equal(before.Count, (await _desk.AllRowsAsync()).Count);
    }

    [Fact]
    public async Task A_description_over_32_KB_is_refused_and_stores_nothing()
    {
        await _desk.RegisterAccountsAsync();
        var before = await _desk.AllRowsAsync();

        var ex = await Assert.ThrowsAsync<RequestRejectedException>(() =>
            _desk.Service.CreateAsync(new NewTicketRequest("Big", new string('x', 32 * 1024 + 1), null, null, null, null), TicketDesk.CustomerA, TicketChannel.Api, null, default));

        Assert.Contains("description", ex.Errors.Keys);
        Assert.Equal(before.Count, (await _desk.AllRowsAsync()).Count);
    }

    [Fact]
    public async Task A_description_of_exactly_32_KB_is_stored_whole()
    {
        await _desk.RegisterAccountsAsync();
        var description = new string('é', 16 * 1024);

        var created = await _desk.Service.CreateAsync(new NewTicketRequest("Big", description, null, null, null, null), TicketDesk.CustomerA, TicketChannel.Api, null, default);

        Assert.Equal(description, (await _desk.Service.GetAsync(created.Ticket.Id, TicketDesk.CustomerA, default)).Ticket.Description);
    }

    [Fact]
    public async Task A_customer_cannot_set_a_priority_or_create_without_an_account()
    {
        await _desk.RegisterAccountsAsync();
        var stranger = Domain.Identity.Caller.Customer("eve@nowhere.test", "Eve", null);

        var priority = await Assert.ThrowsAsync<RequestRejectedException>(() =>
            _desk.Service.CreateAsync(new NewTicketRequest("Hi", "x", null, null, "urgent", null), TicketDesk.CustomerA, TicketChannel.Api, null, default));
        var noAccount = await Assert.ThrowsAsync<RequestRejectedException>(() =>
            _desk.Service.CreateAsync(new NewTicketRequest("Hi", "x", null, null, null, null), stranger, TicketChannel.Api, null, default));

        Assert.Equal(Rejection.Forbidden, priority.Kind);
        Assert.Equal(Rejection.Forbidden, noAccount.Kind);
        Assert.DoesNotContain(await _desk.AllRowsAsync(), r => r.RowKey.StartsWith("ticket|", StringComparison.Ordinal));
    }

    public void Dispose() => _desk.Dispose();
}
