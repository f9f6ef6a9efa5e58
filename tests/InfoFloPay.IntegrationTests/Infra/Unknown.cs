namespace InfoFloPay.IntegrationTests.Infra;

/// <summary>A value only known at deployment (a resource reference, a uniqueString, ...), kept as its expression text.</summary>
public sealed record Unknown(string Expression)
{
    public override string ToString() => "[" + Expression + "]";
}
