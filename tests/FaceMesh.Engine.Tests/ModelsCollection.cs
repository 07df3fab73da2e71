using FaceMesh.Testing;

namespace FaceMesh.Engine.Tests;

[CollectionDefinition(Name)]
public sealed class ModelsCollection : ICollectionFixture<ModelsFixture>
{
    public const string Name = "models";
}
