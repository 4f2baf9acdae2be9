namespace Cradle.Store.Sqlite;

/// <summary>One schema step: the SQL statements that take a store from version <c>Version - 1</c> to <c>Version</c>,
/// applied in one transaction together with the new schema_version row.</summary>
/// <param name="Version">The version reached, starting at 1 and increasing by one.</param>
/// <param name="Description">What the step does, stored with it.</param>
/// <param name="Statements">The SQL statements, in order.</param>
internal sealed record Migration(int Version, string Description, IReadOnlyList<string> Statements);
