using InfoFloPay.Domain.Tickets;
using InfoFloPay.Functions.Roster;
using Microsoft.Extensions.Options;

namespace InfoFloPay.Functions.Notifications.Paging;

/// <summary>The <see cref="PagingPlan"/> the settings describe: the Operations Manager first (their pager, else their
/// email), then each <c>Paging__Escalation__N</c> step's pager and email.</summary>
public sealed class PagingPlanSource(IOptions<PagingOptions> paging, IOptions<SupportRosterOptions> roster)
{
    public PagingPlan Plan
    {
        get
        {
            var first = FirstTarget;
            IReadOnlyList<string> firstTargets = first is null ? [] : [first];
            var steps = Steps().Select(step => (IReadOnlyList<string>)new[] { step.Pager, step.Email }
                    .Where(target => !string.IsNullOrWhiteSpace(target))
                    .Select(target => target!.Trim())
                    .Distinct(StringComparer.OrdinalIgnoreCase)
                    .ToList())
                .ToList();
            return new PagingPlan(paging.Value.AcknowledgeWithin, firstTargets, steps);
        }
    }

    /// <summary>Who a link for <paramref name="step"/> was sent to, as its acknowledgement records it.</summary>
    public string PagedPerson(int step)
    {
        var steps = Steps();
        var manager = roster.Value.OperationsManager;
        return step == 0 ? NonEmpty(manager.Email) ?? FirstTarget ?? "operations manager"
            : step <= steps.Count ? NonEmpty(steps[step - 1].Email) ?? steps[step - 1].Pager!.Trim()
            : "support team";
    }

    private string? FirstTarget => NonEmpty(roster.Value.OperationsManager.Pager) ?? NonEmpty(roster.Value.OperationsManager.Email);

    private List<EscalationStepOptions> Steps() =>
        [.. paging.Value.Escalation.Where(step => NonEmpty(step.Email) is not null || NonEmpty(step.Pager) is not null)];

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
