using InfoFloPay.Domain;
using InfoFloPay.Domain.Tickets;
using InfoFloPay.IntegrationTests.Infrastructure;

namespace InfoFloPay.IntegrationTests.Tickets;

[Collection(AzuriteCollectionDefinition.Name)]
public sealed class TicketConcurrencyTests(AzuriteFixture azurite) : IDisposable
{
    private readonly TicketDesk _desk = new(azurite);

    [Fact]
    public async Task Twenty_concurrent_replies_with_the_same_if_match_apply_once_and_the_rest_get_412()
    {
        var ticket = await _desk.OpenAsync(TicketDesk.Agent);
        var read = await _desk.Service.GetAsync(ticket.Id, TicketDesk.Agent, default);

        var outcomes = await Task.WhenAll(Enumerable.Range(1, 20).Select(async n =>
        {
            try
            {
                await _desk.Service.AddReplyAsync(ticket.Id, new ReplyRequest($"reply {n}", false), TicketDesk.Agent, read.ETag, default);
                return $"applied {n}";
            }
            catch (RequestRejectedException ex) when (ex.Kind == Rejection.Stale)
            {
                return "412";
            }
        }));

        var applied = outcomes.Where(o => o.StartsWith("applied", StringComparison.Ordinal)).ToList();
        Assert.Single(applied);
        Assert.Equal(19, outcomes.Count(o => o == "412"));
        var replies = (await _desk.Service.EventsAsync(ticket.Id, TicketDesk.Agent, default)).Where(e => e.Kind == TicketEventKind.Reply).ToList();
        Assert.Equal($"reply {applied[0]["applied ".Length..]}", Assert.Single(replies).Body);
    }

    [Fact]
    public async Task Twenty_concurrent_updates_without_if_match_all_apply_and_none_is_lost()
    {
        var ticket = await _desk.OpenAsync(TicketDesk.Agent);

        var outcomes = await Task.WhenAll(Enumerable.Range(1, 20).Select(async n =>
        {
            try
            {
                await _desk.Service.AddReplyAsync(ticket.Id, new ReplyRequest($"reply {n}", n % 2 == 0), TicketDesk.Agent, null, default);
                return n;
            }
            catch (RequestRejectedException ex) when (ex.Kind == Rejection.Stale)
            {
                return -n;
            }
        }));

        var applied = outcomes.Where(n => n > 0).Select(n => $"reply {n}").Order().ToList();
        var events = await _desk.Service.EventsAsync(ticket.Id, TicketDesk.Agent, default);
        Assert.Equal(applied, events.Where(e => e.Kind == TicketEventKind.Reply).Select(e => e.Body!).Order().ToList());
        Assert.Equal(events.Count, events.Select(e => e.Id).Distinct().Count());
        var final = await _desk.Service.GetAsync(ticket.Id, TicketDesk.Agent, default);
        Assert.Equal(events.Count, final.Ticket.EventCount);
        Assert.Equal(20, applied.Count);
    }

    [Fact]
    public async Task Fifty_concurrent_creates_on_five_instances_get_fifty_distinct_ids()
    {
        var instances = Enumerable.Range(0, 5).Select(_ => _desk.OtherInstance()).ToList();

        var created = await Task.WhenAll(Enumerable.Range(0, 50).Select(n =>
            instances[n % 5].CreateAsync(new NewTicketRequest($"Outage {n}", "down", null, null, null, null), TicketDesk.Agent, TicketChannel.Api, null, default)));

        var ids = created.Select(c => c.Ticket.Id).ToList();
        Assert.Equal(50, ids.Distinct().Count());
        Assert.All(ids, id => Assert.True(TicketIds.IsValid(id), id));
        var listed = await _desk.Service.ListAsync(new("all", null, null, null, null, "100", null), TicketDesk.Agent, default);
        Assert.Equal(ids.Order(), listed.Items.Select(t => t.Id).Order());
    }

    public void Dispose() => _desk.Dispose();
}
