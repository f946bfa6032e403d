namespace Argus.Storage.Sql;

/// <summary>The column types bulk-loaded rows carry; each database maps them to its own.</summary>
internal enum SqlType
{
    Text,
    Integer,
    BigInt,
    Blob,
}
