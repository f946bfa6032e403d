namespace Argus.Storage.Schema;

/// <summary>
/// One step of the schema. <see cref="Sql"/> is written once for both databases; the placeholders
/// <c>{text}</c>, <c>{time}</c>, <c>{blob}</c> and <c>{small_rows}</c> become each database's types
/// (see <see cref="Sql.SqlArgusStore.SchemaSql"/>).
/// </summary>
internal sealed record Migration(int Version, string Name, string Sql);
