namespace InfoFloPay.Domain.Sla;

/// <summary>A US federal holiday on the day it is observed (a Saturday holiday moves to Friday, a Sunday one to Monday).</summary>
public sealed record FederalHoliday(string Name, DateOnly ObservedOn);
