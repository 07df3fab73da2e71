using System.Buffers.Binary;
using System.Text.Json;

namespace FaceMesh.Models;

/// <summary>
/// Decodes a TensorFlow.js weights manifest and its binary shards. Tensors lie back to back in manifest order;
/// uint8-quantized entries take one byte each and decode as <c>min + scale * q</c>, others are little-endian 32-bit.
/// </summary>
public static class WeightManifestReader
{
    public static IReadOnlyDictionary<string, WeightTensor> Read(string manifestPath)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(manifestPath))!;
        using var document = JsonDocument.Parse(File.ReadAllBytes(manifestPath));
        var tensors = new Dictionary<string, WeightTensor>(StringComparer.Ordinal);
        foreach (var group in document.RootElement.EnumerateArray())
        {
            var bytes = ReadShards(folder, group.GetProperty("paths"));
            var offset = 0;
            foreach (var entry in group.GetProperty("weights").EnumerateArray())
            {
                var tensor = DecodeEntry(entry, bytes, ref offset);
                tensors[tensor.Name] = tensor;
            }

            if (offset != bytes.Length)
            {
                throw new InvalidDataException($"{manifestPath}: {bytes.Length - offset} bytes left after the last tensor.");
            }
        }

        return tensors;
    }

    private static byte[] ReadShards(string folder, JsonElement paths)
    {
        using var buffer = new MemoryStream();
        foreach (var path in paths.EnumerateArray())
        {
            var name = path.GetString() ?? throw new InvalidDataException("A weight shard path is null.");
            if (name.Contains('/') || name.Contains('\\') || name.Contains(".."))
            {
                throw new InvalidDataException($"Weight shard path '{name}' leaves the model folder.");
            }

            using var shard = File.OpenRead(Path.Combine(folder, name));
            shard.CopyTo(buffer);
        }

        return buffer.ToArray();
    }

    private static WeightTensor DecodeEntry(JsonElement entry, byte[] bytes, ref int offset)
    {
        var name = entry.GetProperty("name").GetString()!;
        var shape = entry.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()).ToArray();
        var dtype = entry.GetProperty("dtype").GetString();
        var count = shape.Aggregate(1, (a, b) => checked(a * b));
        var data = new float[count];

        if (entry.TryGetProperty("quantization", out var quantization))
        {
            var qtype = quantization.GetProperty("dtype").GetString();
            var scale = quantization.GetProperty("scale").GetDouble();
            var min = quantization.GetProperty("min").GetDouble();
            var width = qtype switch
            {
                "uint8" => 1,
                "uint16" => 2,
                _ => throw new InvalidDataException($"{name}: unsupported quantization '{qtype}'."),
            };
            EnsureAvailable(name, bytes, offset, count * width);
            for (var i = 0; i < count; i++)
            {
                var q = width == 1 ? bytes[offset + i] : BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(offset + (2 * i)));
                data[i] = (float)(min + (scale * q));
            }

            offset += count * width;
        }
        else
        {
            EnsureAvailable(name, bytes, offset, count * 4);
            var span = bytes.AsSpan(offset, count * 4);
            for (var i = 0; i < count; i++)
            {
                data[i] = dtype == "int32"
                    ? BinaryPrimitives.ReadInt32LittleEndian(span[(4 * i)..])
                    : BinaryPrimitives.ReadSingleLittleEndian(span[(4 * i)..]);
            }

            offset += count * 4;
        }

        return new WeightTensor(name, shape, data);
    }

    private static void EnsureAvailable(string name, byte[] bytes, int offset, int length)
    {
        if (offset + length > bytes.Length)
        {
            throw new InvalidDataException($"{name}: the weight file ends before this tensor (truncated download?).");
        }
    }
}
