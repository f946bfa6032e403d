namespace Argus.Synthetic.Regional;

/// <summary>An AWS resource tag.</summary>
internal readonly record struct Tag(string Key, string Value);
