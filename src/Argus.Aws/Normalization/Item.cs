using System.Text.Json;
using Argus.Core.Model;

namespace Argus.Aws.Normalization;

/// <summary>
/// One JSON object inside a raw document, with where it was found so a warning can name it
/// (<c>Vpcs[3]</c>, <c>Reservations[0].Instances[1]</c>). The element lives only as long as its document is open.
/// </summary>
internal readonly record struct Item(RawDocument Document, JsonElement Json, string List, int Index)
{
    /// <summary>The item's position in its document, for warnings.</summary>
    public string Where => Index < 0 ? List : $"{List}[{Index}]";
}
