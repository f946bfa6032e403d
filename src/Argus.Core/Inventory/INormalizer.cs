using Argus.Core.Model;

namespace Argus.Core.Inventory;

/// <summary>
/// Turns the raw documents of one account in one region into assets and relations. A normalizer reads only
/// the documents it is given, so a snapshot can be normalized again at any time (after an upgrade, elsewhere).
/// </summary>
public interface INormalizer
{
    Provider Provider { get; }

    /// <summary>Normalizes one group. Must not throw on unexpected shapes: report them through <paramref name="output"/>.</summary>
    void Normalize(DocumentGroup group, IInventoryOutput output);
}
