using Argus.Core.Model;

namespace Argus.Core.Inventory;

/// <summary>An <see cref="IInventoryOutput"/> that keeps everything in memory; for tests and small inputs.</summary>
public sealed class InventoryCollector : IInventoryOutput
{
    public List<Asset> Assets { get; } = [];

    public List<Relation> Relations { get; } = [];

    public List<string> Warnings { get; } = [];

    public void Add(Asset asset) => Assets.Add(asset);

    public void Add(Relation relation) => Relations.Add(relation);

    public void Warn(RawDocument document, string message) => Warnings.Add($"{document}: {message}");
}
