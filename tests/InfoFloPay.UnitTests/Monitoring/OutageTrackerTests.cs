using InfoFloPay.Domain.Monitoring;

namespace InfoFloPay.UnitTests.Monitoring;

public sealed class OutageTrackerTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private static readonly ProbeOutcome Down = ProbeOutcome.Failure(503, TimeSpan.FromMilliseconds(20), "HTTP 503, expected 200.");
    private static readonly ProbeOutcome Up = ProbeOutcome.Success(200, TimeSpan.FromMilliseconds(20), "HTTP 200.");

    private readonly OutageTracker _tracker = new(OutagePolicy.Default);
    private TargetState _state = TargetState.Initial;
    private int _minute;

    private static MonitoredTarget Target(int threshold = 1) =>
        new("payments-api", ProbeKind.Http, "https://pay.example/health", 200, 10, null, threshold, "acme");

    private IReadOnlyList<IncidentAction> Probe(MonitoredTarget target, ProbeOutcome outcome, OutageTracker? tracker = null)
    {
        var slot = Start.AddMinutes(_minute++);
        var decision = (tracker ?? _tracker).Evaluate(target, _state, new ProbeResult(slot, slot.AddSeconds(2), outcome));
        _state = decision.State;
        return decision.Actions;
    }

    private void TicketCreated(string id) => _state = _state with { IncidentId = id };

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Opens_one_incident_exactly_when_the_failures_reach_the_threshold(int threshold)
    {
        var target = Target(threshold);
        for (var i = 1; i < threshold; i++)
        {
            Assert.Empty(Probe(target, Down));
        }

        var open = Assert.IsType<OpenIncident>(Assert.Single(Probe(target, Down)));
        TicketCreated("IFP-1");

        Assert.Equal(Start.AddSeconds(2), open.FirstFailureAt);
        Assert.Contains($"failed {threshold} consecutive probes", open.Detail);
        Assert.Empty(Probe(target, Down));
        Assert.Equal(threshold + 1, _state.ConsecutiveFailures);
    }

    [Fact]
    public void A_success_before_the_threshold_starts_the_count_again()
    {
        var target = Target(3);
        Probe(target, Down);
        Probe(target, Down);
        Probe(target, Up);
        Assert.Empty(Probe(target, Down));
        Assert.Empty(Probe(target, Down));
        Assert.IsType<OpenIncident>(Assert.Single(Probe(target, Down)));
    }

    [Fact]
    public void A_result_for_a_slot_already_counted_changes_nothing()
    {
        var target = Target(2);
        var result = new ProbeResult(Start, Start, Down);
        var first = _tracker.Evaluate(target, _state, result);

        var again = _tracker.Evaluate(target, first.State, result with { CheckedAt = Start.AddSeconds(5) });
        var older = _tracker.Evaluate(target, first.State, new ProbeResult(Start.AddMinutes(-1), Start, Down));

        Assert.False(again.Counted);
        Assert.False(older.Counted);
        Assert.Same(first.State, again.State);
        Assert.Equal(1, again.State.ConsecutiveFailures);
    }

    [Fact]
    public void While_failing_notes_at_most_once_per_interval()
    {
        var target = Target();
        Probe(target, Down);
        TicketCreated("IFP-1");

        var notes = new List<(int Minute, IncidentAction Action)>();
        for (var i = 0; i < 65; i++)
        {
            var minute = _minute;
            notes.AddRange(Probe(target, Down).Select(a => (minute, a)));
        }

        Assert.Equal([30, 60], notes.Select(n => n.Minute));
        var note = Assert.IsType<AddIncidentNote>(notes[0].Action);
        Assert.Equal("IFP-1", note.TicketId);
        Assert.Contains("Still failing after 30 min", note.Text);
        Assert.True(note.OutageOngoing);
    }

    [Fact]
    public void Recovery_resolves_with_a_note_giving_the_outage_duration()
    {
        var target = Target(3);
        Probe(target, Down);
        Probe(target, Down);
        Probe(target, Down);
        TicketCreated("IFP-7");

        var resolve = Assert.IsType<ResolveIncident>(Assert.Single(Probe(target, Up)));

        Assert.Equal("IFP-7", resolve.TicketId);
        Assert.Contains("outage of 3 min", resolve.Note);
        Assert.False(_state.InOutage);
        Assert.Null(_state.OpenIncidentId);
        Assert.Equal(0, _state.ConsecutiveFailures);
    }

    [Fact]
    public void Without_auto_resolve_recovery_only_notes_and_the_incident_stays_open()
    {
        var tracker = new OutageTracker(OutagePolicy.Default with { AutoResolve = false });
        var target = Target();
        Probe(target, Down, tracker);
        TicketCreated("IFP-7");

        var note = Assert.IsType<AddIncidentNote>(Assert.Single(Probe(target, Up, tracker)));

        Assert.Contains("Recovered", note.Text);
        Assert.False(note.OutageOngoing);
        Assert.Equal("IFP-7", _state.OpenIncidentId);
    }

    [Fact]
    public void Failing_again_within_the_reopen_window_reopens_the_same_incident()
    {
        var target = Target(2);
        Probe(target, Down);
        Probe(target, Down);
        TicketCreated("IFP-7");
        Probe(target, Up);

        Assert.Empty(Probe(target, Down));
        var reopen = Assert.IsType<ReopenIncident>(Assert.Single(Probe(target, Down)));

        Assert.Equal("IFP-7", reopen.TicketId);
        Assert.Equal("IFP-7", _state.OpenIncidentId);
        Assert.Equal(1, _state.OutageCount);
        Assert.IsType<ResolveIncident>(Assert.Single(Probe(target, Up)));
    }

    [Fact]
    public void Failing_again_after_the_reopen_window_opens_a_new_incident()
    {
        var target = Target();
        Probe(target, Down);
        TicketCreated("IFP-7");
        Probe(target, Up);
        _minute += 30;

        var open = Assert.IsType<OpenIncident>(Assert.Single(Probe(target, Down)));

        Assert.Equal(2, open.OutageNumber);
        Assert.Null(_state.IncidentId);
    }

    [Fact]
    public void Relapse_without_auto_resolve_notes_on_the_still_open_incident()
    {
        var tracker = new OutageTracker(OutagePolicy.Default with { AutoResolve = false });
        var target = Target();
        Probe(target, Down, tracker);
        TicketCreated("IFP-7");
        Probe(target, Up, tracker);

        var note = Assert.IsType<AddIncidentNote>(Assert.Single(Probe(target, Down, tracker)));

        Assert.Equal("IFP-7", note.TicketId);
        Assert.Contains("Failing again", note.Text);
        Assert.True(note.OutageOngoing);
    }

    [Fact]
    public void An_open_whose_ticket_was_never_recorded_is_asked_for_again_with_the_same_key()
    {
        var target = Target();
        var first = Assert.IsType<OpenIncident>(Assert.Single(Probe(target, Down)));

        var retry = Assert.IsType<OpenIncident>(Assert.Single(Probe(target, Down)));

        Assert.Equal(first.IdempotencyKey, retry.IdempotencyKey);
        Assert.Equal(first.OutageNumber, retry.OutageNumber);
        Assert.Equal(first.FirstFailureAt, retry.FirstFailureAt);
    }

    [Fact]
    public void A_recovery_before_the_ticket_was_ever_recorded_asks_for_it_again_and_then_resolves_it()
    {
        var target = Target();
        var first = Assert.IsType<OpenIncident>(Assert.Single(Probe(target, Down)));

        // The ticket was created but its id never reached the state; the target recovers before any run asked again.
        var again = Assert.IsType<OpenIncident>(Assert.Single(Probe(target, Up)));
        var recorded = _tracker.IncidentOpened(target, _state, again, "IFP-9", Start.AddMinutes(1));

        Assert.Equal((first.IdempotencyKey, first.FirstFailureAt), (again.IdempotencyKey, again.FirstFailureAt));
        Assert.Contains("recovered at", again.Detail);
        var resolve = Assert.IsType<ResolveIncident>(Assert.Single(recorded.Actions));
        Assert.Equal("IFP-9", resolve.TicketId);
        Assert.Equal("IFP-9", recorded.State.IncidentId);
        Assert.Null(recorded.State.OpenIncidentId);
    }

    [Fact]
    public void A_relapse_whose_incident_was_closed_replaces_it_with_a_new_incident()
    {
        var target = Target();
        Probe(target, Down);
        TicketCreated("IFP-7");
        Probe(target, Up);
        var reopen = Assert.IsType<ReopenIncident>(Assert.Single(Probe(target, Down)));

        // Someone closed IFP-7 after it was resolved: it cannot be reopened.
        var replaced = OutageTracker.IncidentClosed(target, _state, reopen.TicketId);

        var open = Assert.IsType<OpenIncident>(Assert.Single(replaced.Actions));
        Assert.Equal(2, open.OutageNumber);
        Assert.Equal(Start.AddMinutes(2).AddSeconds(2), open.FirstFailureAt);
        Assert.Contains("IFP-7 was closed", open.Detail);
        Assert.Null(replaced.State.IncidentId);
        Assert.True(replaced.State.InOutage);

        var recorded = _tracker.IncidentOpened(target, replaced.State, open, "IFP-8", Start.AddMinutes(3));
        Assert.Empty(recorded.Actions);
        Assert.Equal("IFP-8", recorded.State.OpenIncidentId);
    }

    [Fact]
    public void A_closed_incident_is_not_replaced_once_the_state_has_moved_on()
    {
        var target = Target();
        Probe(target, Down);
        TicketCreated("IFP-7");
        Probe(target, Up);

        var afterRecovery = OutageTracker.IncidentClosed(target, _state, "IFP-7");
        Probe(target, Down);
        TicketCreated("IFP-8");
        var otherTicket = OutageTracker.IncidentClosed(target, _state, "IFP-7");

        Assert.False(afterRecovery.Counted);
        Assert.Empty(afterRecovery.Actions);
        Assert.False(otherTicket.Counted);
        Assert.Empty(otherTicket.Actions);
    }

    [Fact]
    public void Each_outage_and_each_decision_has_its_own_idempotency_key()
    {
        var target = Target();
        var firstOpen = Assert.IsType<OpenIncident>(Assert.Single(Probe(target, Down)));
        TicketCreated("IFP-1");
        var resolve = Assert.Single(Probe(target, Up));
        _minute += 60;
        var secondOpen = Assert.IsType<OpenIncident>(Assert.Single(Probe(target, Down)));

        Assert.Equal(3, new[] { firstOpen.IdempotencyKey, resolve.IdempotencyKey, secondOpen.IdempotencyKey }.Distinct().Count());
        Assert.All(new[] { firstOpen, resolve, secondOpen }, a => Assert.Contains("payments-api", a.IdempotencyKey));
    }

    [Fact]
    public void A_ticket_recorded_during_the_outage_just_becomes_the_open_incident()
    {
        var target = Target();
        var open = Assert.IsType<OpenIncident>(Assert.Single(Probe(target, Down)));

        var recorded = _tracker.IncidentOpened(target, _state, open, "IFP-9", Start.AddMinutes(1));

        Assert.Empty(recorded.Actions);
        Assert.Equal("IFP-9", recorded.State.OpenIncidentId);
    }

    [Fact]
    public void A_ticket_recorded_after_the_target_recovered_is_resolved_at_once()
    {
        var target = Target();
        var open = Assert.IsType<OpenIncident>(Assert.Single(Probe(target, Down)));
        var askedAgain = Assert.IsType<OpenIncident>(Assert.Single(Probe(target, Up)));

        var recorded = _tracker.IncidentOpened(target, _state, open, "IFP-9", Start.AddMinutes(1));
        var late = _tracker.IncidentOpened(target, recorded.State, askedAgain, "IFP-9", Start.AddMinutes(1));

        var resolve = Assert.IsType<ResolveIncident>(Assert.Single(recorded.Actions));
        Assert.Equal("IFP-9", resolve.TicketId);
        Assert.Contains("outage of 1 min", resolve.Note);
        Assert.Null(recorded.State.OpenIncidentId);
        Assert.Empty(late.Actions);
    }

    [Fact]
    public void A_ticket_for_an_outage_the_state_has_moved_past_changes_nothing()
    {
        var target = Target();
        var open = Assert.IsType<OpenIncident>(Assert.Single(Probe(target, Down)));
        TicketCreated("IFP-9");

        var late = _tracker.IncidentOpened(target, _state, open, "IFP-10", Start.AddMinutes(1));

        Assert.False(late.Counted);
        Assert.Equal("IFP-9", late.State.IncidentId);
    }
}

public sealed class RecoveryAndMaintenanceTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private static readonly ProbeOutcome Down = ProbeOutcome.Failure(503, TimeSpan.FromMilliseconds(20), "HTTP 503, expected 200.");
    private static readonly ProbeOutcome Up = ProbeOutcome.Success(200, TimeSpan.FromMilliseconds(20), "HTTP 200.");

    private readonly OutageTracker _tracker = new(OutagePolicy.Default);
    private TargetState _state = TargetState.Initial;
    private int _slot;

    private static MonitoredTarget Target(int threshold = 1, int recovery = 1, int interval = 10) =>
        new("payments-api", ProbeKind.Http, "https://pay.example/health", 200, 10, null, threshold, null)
        {
            IntervalSeconds = interval,
            RecoveryThreshold = recovery,
        };

    private IReadOnlyList<IncidentAction> Probe(MonitoredTarget target, ProbeOutcome outcome, bool maintenance = false)
    {
        var slot = Start.AddSeconds(target.IntervalSeconds * _slot++);
        var decision = _tracker.Evaluate(target, _state, new ProbeResult(slot, slot.AddSeconds(1), outcome), maintenance);
        _state = decision.State;
        if (decision.Actions.OfType<OpenIncident>().Any())
        {
            _state = _state with { IncidentId = "IFP-9" };
        }

        return decision.Actions;
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void The_incident_resolves_only_after_the_recovery_threshold_of_successes_in_a_row(int recovery)
    {
        var target = Target(recovery: recovery);
        Assert.IsType<OpenIncident>(Assert.Single(Probe(target, Down)));
        for (var i = 1; i < recovery; i++)
        {
            Assert.Empty(Probe(target, Up));
            Assert.True(_state.InOutage);
        }

        var resolve = Assert.IsType<ResolveIncident>(Assert.Single(Probe(target, Up)));
        Assert.False(_state.InOutage);
        // Down from the failure at :01 to the first success of the confirming streak, 10 s later.
        Assert.Contains("after an outage of 10 s", resolve.Note);
        Assert.Contains($"confirmed by {recovery} successful checks", resolve.Note);
    }

    [Fact]
    public void A_failure_while_recovery_is_being_confirmed_keeps_the_outage_without_a_second_incident()
    {
        var target = Target(recovery: 2);
        Probe(target, Down);
        Assert.Empty(Probe(target, Up));
        Assert.Empty(Probe(target, Down));
        Assert.Empty(Probe(target, Up));
        Assert.IsType<ResolveIncident>(Assert.Single(Probe(target, Up)));
        Assert.Equal(1, _state.OutageCount);
    }

    [Fact]
    public void A_relapse_after_a_confirmed_recovery_reopens_the_same_incident()
    {
        var target = Target(recovery: 2);
        Probe(target, Down);
        Probe(target, Up);
        Probe(target, Up);

        var reopen = Assert.IsType<ReopenIncident>(Assert.Single(Probe(target, Down)));
        Assert.Equal("IFP-9", reopen.TicketId);
    }

    [Fact]
    public void Failures_inside_a_maintenance_window_open_nothing()
    {
        var target = Target(threshold: 3);
        for (var i = 0; i < 10; i++)
        {
            Assert.Empty(Probe(target, Down, maintenance: true));
        }

        Assert.Equal(10, _state.ConsecutiveFailures);
        Assert.False(_state.InOutage);
    }

    [Fact]
    public void A_target_still_failing_after_the_window_opens_exactly_one_incident_at_the_first_probe_after_it()
    {
        var target = Target(threshold: 3);
        for (var i = 0; i < 6; i++)
        {
            Probe(target, Down, maintenance: true);
        }

        var open = Assert.IsType<OpenIncident>(Assert.Single(Probe(target, Down)));
        Assert.Equal(Start.AddSeconds(1), open.FirstFailureAt);
        for (var i = 0; i < 5; i++)
        {
            Assert.DoesNotContain(Probe(target, Down), a => a is OpenIncident);
        }
    }

    [Fact]
    public void An_outage_that_recovered_inside_the_window_reports_nothing_when_it_ends()
    {
        var target = Target(threshold: 2);
        Probe(target, Down, maintenance: true);
        Probe(target, Down, maintenance: true);
        Probe(target, Up, maintenance: true);

        Assert.Empty(Probe(target, Up));
        Assert.Empty(Probe(target, Down));
        Assert.Equal(0, _state.OutageCount);
    }

    [Theory]
    [InlineData(10, 3, 10, 40)]
    [InlineData(60, 1, 10, 70)]
    [InlineData(60, 5, 30, 330)]
    public void Detection_time_is_threshold_times_interval_plus_the_timeout(int interval, int threshold, int timeout, int seconds)
    {
        var target = new MonitoredTarget("a", ProbeKind.Http, "https://a.example", 200, timeout, null, threshold, null) { IntervalSeconds = interval };
        Assert.Equal(TimeSpan.FromSeconds(seconds), target.DetectionTime);
    }
}
