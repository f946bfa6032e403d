namespace Argus.Posture.Engine;

/// <summary>Where a raw document sits in a snapshot; the resource is empty for operations not made per resource.</summary>
internal readonly record struct DocumentKey(string Account, string Region, string Service, string Operation, string Resource);
