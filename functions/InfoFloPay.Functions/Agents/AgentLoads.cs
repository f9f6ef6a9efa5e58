using Azure.Data.Tables;
using InfoFloPay.Domain;
using InfoFloPay.Domain.Agents;
using InfoFloPay.Domain.Tickets;
using InfoFloPay.Functions.Tickets;

namespace InfoFloPay.Functions.Agents;

/// <summary>
/// Keeps every person's open-ticket count exact: a ticket counts for its assignee while it is new, open or pending. A
/// change that moves that (assign, reassign, unassign, resolve or close, reopen), or a routing suggestion, adds the state
/// rows of whoever it concerns to the ticket's own batch, each conditional on the ETag it was read with (or an insert when there was
/// none), so a crash writes both or neither and two concurrent changes of one person's count cannot both commit: the
/// loser's batch fails and <see cref="TicketStore"/> re-reads and re-applies, as for any lost race.
/// </summary>
internal static class AgentLoads
{
    /// <summary>Whose count <paramref name="ticket"/> adds to; null when nobody's.</summary>
    public static string? HolderOf(Ticket? ticket) =>
        ticket is { IsOpen: true, Assignee: { Length: > 0 } assignee } ? assignee.ToLowerInvariant() : null;

    /// <summary>
    /// The state-row actions for <paramref name="before"/> → <paramref name="after"/>: the holder it leaves loses one, the
    /// holder it reaches gains one and has a turn, and an agent routing newly suggests has a turn (their count unchanged:
    /// a suggestion is not an assignment, but equal loads must still rotate). None when no one is affected. With a
    /// <paramref name="board"/> (routing, which decided on it) the rows are conditional on what the board showed; without,
    /// they are read now (one point read each, in parallel).
    /// </summary>
    public static async Task<IReadOnlyList<TableTransactionAction>> ActionsAsync(
        TableClient client, Ticket? before, Ticket after, AgentBoard? board, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(after);
        var moves = new Dictionary<string, (int Delta, bool Turn)>(StringComparer.Ordinal);
        var (from, to) = (HolderOf(before), HolderOf(after));
        if (!string.Equals(from, to, StringComparison.Ordinal))
        {
            if (from is not null)
            {
                moves[from] = (-1, false);
            }

            if (to is not null)
            {
                moves[to] = (+1, true);
            }
        }

        var suggested = after.SuggestedAssignee?.ToLowerInvariant();
        if (suggested is not null && !string.Equals(suggested, before?.SuggestedAssignee, StringComparison.OrdinalIgnoreCase))
        {
            moves[suggested] = (moves.GetValueOrDefault(suggested).Delta, true);
        }

        if (moves.Count == 0)
        {
            return [];
        }

        var states = await Task.WhenAll(moves.Keys.Select(email => board is not null
            ? Task.FromResult(board.StateOf(email))
            : ReadAsync(client, email, cancellationToken))).ConfigureAwait(false);
        return [.. moves.Zip(states, (move, state) => Action(move.Key, move.Value.Delta, move.Value.Turn, state, after.UpdatedAt))];
    }

    private static TableTransactionAction Action(string email, int delta, bool turn, AgentState? state, DateTimeOffset at)
    {
        var row = new TableEntity(TicketKeys.Partition, AgentKeys.State(email))
        {
            ["Email"] = email,
            // Never below zero: a ticket assigned before counts were kept may leave its holder later.
            ["OpenTickets"] = Math.Max(0, (state?.OpenTickets ?? 0) + delta),
        };
        if (turn)
        {
            row["LastTurnAt"] = at;
            row["Turns"] = (state?.Turns ?? 0) + 1;
        }

        if (state is null)
        {
            row["Availability"] = EnumText.Of(AgentAvailability.Available);
            return new TableTransactionAction(TableTransactionActionType.Add, row);
        }

        return new TableTransactionAction(TableTransactionActionType.UpdateMerge, row, state.ETag);
    }

    private static async Task<AgentState?> ReadAsync(TableClient client, string email, CancellationToken cancellationToken)
    {
        var row = await client.GetEntityIfExistsAsync<TableEntity>(TicketKeys.Partition, AgentKeys.State(email), cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? AgentState.From(row.Value!) : null;
    }

    /// <summary>True when a failed batch failed on one of the state-row actions at <paramref name="first"/>..+<paramref name="count"/>:
    /// someone's count moved (or their row was created) since it was read.</summary>
    public static bool IsConflict(TableTransactionFailedException ex, int first, int count) =>
        ex.Status is 409 or 412 && ex.FailedTransactionActionIndex is int index && index >= first && index < first + count;
}
