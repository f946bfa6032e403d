using System.Text.Json;
using Argus.Aws.Operations;
using Argus.Core.Model;

namespace Argus.Posture.Engine;

/// <summary>The answer to "is this document in the snapshot?", with why not when it is missing.</summary>
public readonly record struct Lookup(AwsOperation Operation, LookupState State, JsonElement Root, FindingStatus MissingStatus, string MissingMessage)
{
    public bool Found => State == LookupState.Found;

    public bool Missing => State == LookupState.Missing;
}
