using System.Text.Json.Serialization;

namespace FaceMesh.Engine.Models;

[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class ModelJsonContext : JsonSerializerContext;
