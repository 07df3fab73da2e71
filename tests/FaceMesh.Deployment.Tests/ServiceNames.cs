using FaceMesh.Hosting.Settings;

namespace FaceMesh.Deployment.Tests;

/// <summary>The registry's services as test data: every deployment check runs once per service.</summary>
public static class ServiceNames
{
    public static TheoryData<string> All => [.. FaceMeshServices.All.Select(s => s.Name)];

    public static FaceMeshService Named(string name) => FaceMeshServices.All.Single(s => s.Name == name);
}
