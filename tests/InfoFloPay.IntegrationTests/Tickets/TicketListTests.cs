using InfoFloPay.Domain;
using InfoFloPay.Domain.Tickets;
using InfoFloPay.Functions.Tickets;
using InfoFloPay.IntegrationTests.Infrastructure;

namespace InfoFloPay.IntegrationTests.Tickets;

[Collection(AzuriteCollectionDefinition.Name)]
public sealed class TicketListTests(AzuriteFixture azurite) : IDisposable
{
    private readonly TicketDesk _desk = new(azurite);

    private Task<TicketPage> ListAsync(Domain.Identity.Caller caller, string? status = null, string? assignee = null, string? priority = null,
        string? customerId = null, string? closedSince = null, string? top = null, string? token = null) =>
        _desk.Service.ListAsync(new TicketListRequest(status, assignee, priority, customerId, closedSince, top, token), caller, default);

    [Fact]
    public async Task Open_closed_and_all_lists_are_newest_first_and_move_tickets_between_groups()
    {
        var first = await _desk.OpenAsync(TicketDesk.Agent, "first");
        var second = await _desk.OpenAsync(TicketDesk.Agent, "second");
        var third = await _desk.OpenAsync(TicketDesk.Agent, "third");
        await _desk.Service.TriageAsync(first.Id, new TriageRequest("high", null), TicketDesk.Agent, null, default);
        await _desk.Service.ChangeStatusAsync(first.Id, new StatusChangeRequest("resolved", "fixed"), TicketDesk.Agent, null, default);

        Assert.Equal([third.Id, second.Id], (await ListAsync(TicketDesk.Agent, "open")).Items.Select(t => t.Id));
        Assert.Equal([first.Id], (await ListAsync(TicketDesk.Agent, "closed")).Items.Select(t => t.Id));
        Assert.Equal([third.Id, second.Id, first.Id], (await ListAsync(TicketDesk.Agent, "all")).Items.Select(t => t.Id));
        Assert.Equal(TicketStatus.Resolved, (await ListAsync(TicketDesk.Agent, "closed")).Items[0].Status);
    }

    [Fact]
    public async Task Recently_closed_lists_tickets_closed_since_the_given_time_only()
    {
        var old = await _desk.OpenAsync(TicketDesk.Agent, "old");
        var recent = await _desk.OpenAsync(TicketDesk.Agent, "recent");
        foreach (var id in new[] { old.Id, recent.Id })
        {
            await _desk.Service.TriageAsync(id, new TriageRequest("low", null), TicketDesk.Agent, null, default);
        }

        await _desk.Service.ChangeStatusAsync(old.Id, new StatusChangeRequest("resolved", null), TicketDesk.Agent, null, default);
        _desk.Clock.Advance(TimeSpan.FromDays(3));
        var since = _desk.Clock.GetUtcNow();
        _desk.Clock.Advance(TimeSpan.FromHours(1));
        await _desk.Service.ChangeStatusAsync(recent.Id, new StatusChangeRequest("resolved", null), TicketDesk.Agent, null, default);

        var page = await ListAsync(TicketDesk.Agent, "closed", closedSince: since.ToString("O"));

        Assert.Equal([recent.Id], page.Items.Select(t => t.Id));
    }

    [Fact]
    public async Task Top_and_continuation_tokens_walk_the_whole_list_once()
    {
        var ids = new List<string>();
        for (var n = 0; n < 7; n++)
        {
            ids.Add((await _desk.OpenAsync(TicketDesk.Agent, $"t{n}")).Id);
        }

        var seen = new List<string>();
        string? token = null;
        do
        {
            var page = await ListAsync(TicketDesk.Agent, "open", top: "3", token: token);
            Assert.True(page.Items.Count <= 3);
            seen.AddRange(page.Items.Select(t => t.Id));
            token = page.ContinuationToken;
        }
        while (token is not null);

        Assert.Equal(Enumerable.Reverse(ids), seen);
    }

    [Fact]
    public async Task Assignee_and_priority_filters_narrow_the_list()
    {
        var a = await _desk.OpenAsync(TicketDesk.Agent, "a");
        var b = await _desk.OpenAsync(TicketDesk.Agent, "b");
        await _desk.Service.TriageAsync(a.Id, new TriageRequest("high", "sam@infoflopay.com"), TicketDesk.Agent, null, default);
        await _desk.Service.TriageAsync(b.Id, new TriageRequest("low", "kim@infoflopay.com"), TicketDesk.Agent, null, default);

        Assert.Equal([a.Id], (await ListAsync(TicketDesk.Agent, assignee: "Sam@InfoFloPay.com")).Items.Select(t => t.Id));
        Assert.Equal([b.Id], (await ListAsync(TicketDesk.Agent, priority: "low")).Items.Select(t => t.Id));
    }

    [Fact]
    public async Task A_customer_lists_only_its_own_accounts_tickets_and_cannot_ask_for_another()
    {
        await _desk.RegisterAccountsAsync();
        var mine = await _desk.OpenAsync(TicketDesk.CustomerA, "mine");
        await _desk.OpenAsync(TicketDesk.CustomerB, "theirs");
        await _desk.OpenAsync(TicketDesk.Agent, "internal");

        Assert.Equal([mine.Id], (await ListAsync(TicketDesk.CustomerA)).Items.Select(t => t.Id));
        var ex = await Assert.ThrowsAsync<RequestRejectedException>(() => ListAsync(TicketDesk.CustomerA, customerId: "globex"));
        Assert.Equal(Rejection.Forbidden, ex.Kind);
        Assert.Equal(3, (await ListAsync(TicketDesk.Agent)).Items.Count);
        Assert.Single((await ListAsync(TicketDesk.Agent, customerId: "globex")).Items);
    }

    [Fact]
    public async Task An_edited_continuation_token_never_reaches_another_accounts_tickets()
    {
        await _desk.RegisterAccountsAsync();
        var mine = await _desk.OpenAsync(TicketDesk.CustomerA, "mine");
        await _desk.OpenAsync(TicketDesk.CustomerB, "theirs");
        var forged = ContinuationTokens.Encode("desk all|0000000000000000000|IFP-1");

        var page = await ListAsync(TicketDesk.CustomerA, token: forged);

        Assert.All(page.Items, t => Assert.Equal("acme", t.CustomerId));
        var garbage = await Assert.ThrowsAsync<RequestRejectedException>(() => ListAsync(TicketDesk.CustomerA, token: "%%%"));
        Assert.Contains("continuationToken", garbage.Errors.Keys);
        Assert.NotNull(mine);
    }

    [Theory]
    [InlineData("status", "waiting")]
    [InlineData("priority", "critical")]
    [InlineData("sla", "late")]
    [InlineData("q", null)]
    [InlineData("top", "101")]
    [InlineData("closedSince", "yesterday")]
    public async Task Bad_list_parameters_are_refused_naming_the_parameter(string name, string? value)
    {
        var request = name switch
        {
            "status" => new TicketListRequest(value, null, null, null, null, null, null),
            "priority" => new TicketListRequest(null, null, value, null, null, null, null),
            "top" => new TicketListRequest(null, null, null, null, null, value, null),
            "sla" => new TicketListRequest(null, null, null, null, null, null, null, Sla: value),
            "q" => new TicketListRequest(null, null, null, null, null, null, null, Q: new string('x', TicketListRequest.MaxSearchLength + 1)),
            _ => new TicketListRequest("closed", null, null, null, value, null, null),
        };

        var ex = await Assert.ThrowsAsync<RequestRejectedException>(() => _desk.Service.ListAsync(request, TicketDesk.Agent, default));

        Assert.Contains(name, ex.Errors.Keys);
    }

    [Fact]
    public async Task The_triage_queue_holds_new_tickets_urgent_first_then_oldest_first()
    {
        var lowOld = await _desk.OpenAsync(TicketDesk.Agent, "low old", priority: "low");
        var urgent = await _desk.OpenAsync(TicketDesk.Agent, "urgent", priority: "urgent");
        var mediumOld = await _desk.OpenAsync(TicketDesk.Agent, "medium old");
        var mediumNew = await _desk.OpenAsync(TicketDesk.Agent, "medium new");
        var triaged = await _desk.OpenAsync(TicketDesk.Agent, "triaged", priority: "urgent");
        await _desk.Service.TriageAsync(triaged.Id, new TriageRequest("urgent", "sam@infoflopay.com"), TicketDesk.Agent, null, default);

        var queue = await _desk.Service.QueueAsync(TicketDesk.Agent, null, null, default);

        Assert.Equal([urgent.Id, mediumOld.Id, mediumNew.Id, lowOld.Id], queue.Items.Select(t => t.Id));
        await Assert.ThrowsAsync<RequestRejectedException>(() => _desk.Service.QueueAsync(TicketDesk.CustomerA, null, null, default));
    }

    public void Dispose() => _desk.Dispose();
}
