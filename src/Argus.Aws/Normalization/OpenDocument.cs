using System.Text.Json;
using Argus.Core.Model;

namespace Argus.Aws.Normalization;

/// <summary>A parsed raw document; its elements are valid until it is disposed.</summary>
internal sealed class OpenDocument(RawDocument raw, JsonDocument json) : IDisposable
{
    public RawDocument Raw { get; } = raw;

    /// <summary>The whole answer as an item.</summary>
    public Item Answer => new(Raw, json.RootElement, "answer", -1);

    /// <summary>A top-level member of the answer, if the answer is an object that has it.</summary>
    public JsonElement? Member(string name) =>
        json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty(name, out var value) ? value : null;

    public void Dispose() => json.Dispose();
}
