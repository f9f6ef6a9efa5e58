namespace InfoFloPay.IntegrationTests.Infra;

/// <summary>A settings section the code binds (an options class with <c>SectionName</c>) and the keys it cannot do without.</summary>
public sealed record OptionsSection(string Name, string OptionsType, IReadOnlyList<string> RequiredKeys);
