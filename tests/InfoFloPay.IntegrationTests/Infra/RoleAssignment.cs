namespace InfoFloPay.IntegrationTests.Infra;

/// <summary>A role assignment as deployed: the scope it is made on (null: the deployment's own scope), the role, and its description (which names the role).</summary>
public sealed record RoleAssignment(string Where, string? Scope, string RoleDefinitionId, string NameExpression, string? Description = null);
