namespace Router.Runtime.Tests.Postgres;

/// <summary>The tests sharing one throwaway PostgreSQL cluster; they run one at a time (one of them stops the server).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresTests : ICollectionFixture<PostgresCluster>
{
    public const string Name = "PostgreSQL";
}
