namespace InfoFloPay.Domain.Sla;

/// <summary>Which clock a policy row runs on: the business calendar, or every hour of every day.</summary>
public enum SlaCalendarKind
{
    Business,
    RoundTheClock,
}
