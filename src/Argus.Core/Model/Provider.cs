namespace Argus.Core.Model;

/// <summary>The cloud or platform a document or asset comes from.</summary>
public enum Provider
{
    Aws,
    Azure,
    Kubernetes,
}
