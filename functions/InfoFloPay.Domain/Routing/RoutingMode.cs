namespace InfoFloPay.Domain.Routing;

/// <summary><c>Routing__Mode</c>: whether routing only suggests an owner (a person still triages, as the policy says) or
/// assigns one as a manual triage would.</summary>
public enum RoutingMode
{
    Suggest,
    Auto,
}
