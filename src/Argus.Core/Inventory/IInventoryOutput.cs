using Argus.Core.Model;

namespace Argus.Core.Inventory;

/// <summary>Where a normalizer puts what it derives.</summary>
public interface IInventoryOutput
{
    void Add(Asset asset);

    void Add(Relation relation);

    /// <summary>A document or item the normalizer could not understand; it is reported, never fatal.</summary>
    void Warn(RawDocument document, string message);
}
