namespace Argus.Core.Model;

/// <summary>
/// A typed inventory item derived from raw documents.
/// </summary>
/// <param name="Id">Stable id: the ARN where the provider defines one, else the provider's resource id.</param>
/// <param name="Type">Dotted type such as <c>aws.ec2.security-group</c>.</param>
/// <param name="Properties">The provider's own object for the resource, as compact JSON.</param>
public sealed record Asset(
    string Id,
    string Type,
    Provider Provider,
    string Account,
    string Region,
    string Name,
    IReadOnlyDictionary<string, string> Tags,
    string Properties);
