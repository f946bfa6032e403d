namespace Argus.Core.Model;

/// <summary>The unit normalizers work on: every document of one account in one region (or global).</summary>
public sealed record DocumentGroupKey(Provider Provider, string Account, string Region)
{
    public override string ToString() => $"{Provider.ToName()}/{Account}/{Region}";
}
