namespace Argus.Core.Model;

/// <summary>One unit of collection: an account (subscription, cluster) and optionally a region.</summary>
public sealed record Scope(Provider Provider, string Account, string Region)
{
    public override string ToString() => $"{Provider.ToName()}/{Account}/{Region}";
}
