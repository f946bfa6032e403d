namespace Argus.Core.Model;

/// <summary>Region conventions shared by every provider.</summary>
public static class Regions
{
    /// <summary>The region name used for documents and assets that belong to no region (IAM, S3 bucket list, Organizations).</summary>
    public const string Global = "global";
}
