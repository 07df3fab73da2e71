namespace FaceMesh.Models;

/// <summary>Named access to decoded weights, with errors that say which tensor a model file lacks.</summary>
public sealed class WeightMap(IReadOnlyDictionary<string, WeightTensor> tensors, string modelName)
{
    public WeightTensor this[string name] =>
        tensors.TryGetValue(name, out var tensor)
            ? tensor
            : throw new InvalidDataException($"{modelName}: weight '{name}' is missing from the manifest.");

    public float[] Values(string name) => this[name].Data;

    public static WeightMap Load(string modelFolder, string modelName) =>
        new(WeightManifestReader.Read(Path.Combine(modelFolder, $"{modelName}-weights_manifest.json")), modelName);
}
