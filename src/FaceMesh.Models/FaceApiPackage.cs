using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using FaceMesh.Engine.Models;

namespace FaceMesh.Models;

/// <summary>
/// The pinned npm package that carries the face-api.js weights. It is fetched with the machine's own npm client
/// (so its configured registry applies) and checked against the integrity hash npm publishes for that version.
/// </summary>
public static class FaceApiPackage
{
    public const string Name = ModelFolder.PackageName;
    public const string Version = ModelFolder.PackageVersion;
    public const string Integrity = "sha512-WDMmK3CfNLo8jylWqMoQgf4nIst3M0fzx1dnac96wv/dvMTN4DxC/Pq1DGtduDk1lktCamQ3MIDXFnvrdHTXDw==";

    /// <summary>Set to a local copy of the tarball to provision without npm (air-gapped hosts, Docker layers).</summary>
    public const string TarballVariable = "FACEMESH_FACE_API_TARBALL";

    public static async Task<string> FetchAsync(string workFolder, CancellationToken cancellationToken)
    {
        var local = Environment.GetEnvironmentVariable(TarballVariable);
        if (!string.IsNullOrWhiteSpace(local))
        {
            return File.Exists(local) ? local : throw new FileNotFoundException($"{TarballVariable} names a missing file.", local);
        }

        var start = new ProcessStartInfo("npm")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workFolder,
        };
        foreach (var argument in new[] { "pack", $"{Name}@{Version}", "--silent", "--pack-destination", workFolder })
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("npm did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new ModelProvisioningException($"npm is needed to fetch {Name}@{Version} but could not be started ({e.Message}). Install Node.js and npm, or set {TarballVariable}.");
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                throw new ModelProvisioningException($"npm pack {Name}@{Version} failed ({process.ExitCode}): {(await stderr).Trim()}");
            }

            var fileName = (await stdout).Trim().Split('\n').Last().Trim();
            return Path.Combine(workFolder, fileName);
        }
    }

    public static void VerifyIntegrity(string tarballPath)
    {
        using var stream = File.OpenRead(tarballPath);
        var actual = "sha512-" + Convert.ToBase64String(SHA512.HashData(stream));
        if (!string.Equals(actual, Integrity, StringComparison.Ordinal))
        {
            throw new ModelProvisioningException($"{Path.GetFileName(tarballPath)} does not match the pinned integrity of {Name}@{Version} (got {actual}).");
        }
    }

    /// <summary>Extracts <c>package/model/*</c> (weights and manifests only) into <paramref name="destination"/>.</summary>
    public static void ExtractModels(string tarballPath, string destination)
    {
        Directory.CreateDirectory(destination);
        using var file = File.OpenRead(tarballPath);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            var name = entry.Name;
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile)
                || !name.StartsWith("package/model/", StringComparison.Ordinal)
                || !(name.EndsWith(".bin", StringComparison.Ordinal) || name.EndsWith(".json", StringComparison.Ordinal)))
            {
                continue;
            }

            var fileName = Path.GetFileName(name);
            entry.ExtractToFile(Path.Combine(destination, fileName), overwrite: true);
        }
    }
}
