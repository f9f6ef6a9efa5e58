using System.Collections.Concurrent;

namespace InfoFloPay.DevHost.Outbox;

public sealed record OutboxEntry(string Channel, IReadOnlyList<string> To, string Subject, string Body, string? TicketId, DateTimeOffset SentAt)
{
    /// <summary>The email's Message-ID header, so a local run can reply to it (In-Reply-To) through email intake.</summary>
    public string? MessageId { get; init; }

    /// <summary>The email's HTML part (<see cref="Body"/> is its plain-text part); null for a page.</summary>
    public string? Html { get; init; }
}

/// <summary>Everything the app sent while running locally: emails and pages, instead of ACS and the pager.</summary>
public sealed class Outbox
{
    private readonly ConcurrentQueue<OutboxEntry> _entries = new();

    public void Add(OutboxEntry entry) => _entries.Enqueue(entry);

    /// <summary>Newest first, as <c>GET /admin/outbox</c> shows them.</summary>
    public IReadOnlyList<OutboxEntry> Entries => [.. _entries.Reverse()];
}
