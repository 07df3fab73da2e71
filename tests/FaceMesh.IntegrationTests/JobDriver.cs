using FaceMesh.Contracts.V1;
using FaceMesh.Pipeline.Export;
using Google.Protobuf;
using Grpc.Core;

namespace FaceMesh.IntegrationTests;

/// <summary>Submits footage and follows jobs through the public gRPC API, as the CLI does.</summary>
public static class JobDriver
{
    public static async Task<string> SubmitAsync(DistributedSystem system, string path, string jobName, Metadata? headers = null, long? declaredSize = null, double intervalSeconds = 1)
    {
        using var call = system.Client.Submit(headers ?? system.Auth);
        var bytes = await File.ReadAllBytesAsync(path);
        try
        {
            await call.RequestStream.WriteAsync(new SubmitRequest
            {
                Header = new SubmitHeader { JobName = jobName, FileName = Path.GetFileName(path), SizeBytes = declaredSize ?? bytes.Length, Options = new JobOptions { IntervalSeconds = intervalSeconds } },
            });
            foreach (var chunk in bytes.Chunk(256 * 1024))
            {
                await call.RequestStream.WriteAsync(new SubmitRequest { Chunk = ByteString.CopyFrom(chunk) });
            }

            await call.RequestStream.CompleteAsync();
        }
        catch (RpcException)
        {
            // The server answered before reading everything (a rejection): its status is in the response.
        }

        return (await call.ResponseAsync).JobId;
    }

    public static async Task<List<Job>> WatchAsync(DistributedSystem system, string jobId, Func<Job, Task>? onEvent = null, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(4));
        var events = new List<Job>();
        while (true)
        {
            try
            {
                using var call = system.Client.WatchJob(new WatchJobRequest { JobId = jobId }, system.Auth, cancellationToken: cancel.Token);
                await foreach (var job in call.ResponseStream.ReadAllAsync(cancel.Token))
                {
                    events.Add(job);
                    if (onEvent is not null)
                    {
                        await onEvent(job);
                    }
                }

                return events;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable && !cancel.IsCancellationRequested)
            {
                await Task.Delay(500, cancel.Token);
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.Unknown or StatusCode.Internal)
            {
                throw new InvalidOperationException($"WatchJob failed: {e.Status}\n{system.Logs()}", e);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"job {jobId} did not finish; last state {events.LastOrDefault()}\n{system.Logs()}");
            }
        }
    }

    public static async Task<DatasetManifest> ReadDatasetAsync(DistributedSystem system, string jobId)
    {
        var bytes = await system.Datasets.GetAsync($"{jobId}/{DatasetPaths.Manifest}") ?? throw new InvalidOperationException($"no manifest for {jobId}");
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(path, bytes);
            return ManifestJson.Read(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>
    /// The job's dataset has exactly the frames, faces (each once), boxes, descriptors (to float tolerance: ONNX Runtime
    /// may sum in another order), clusters and parameters of the embedded run.
    /// </summary>
    public static async Task AssertMatchesAsync(DistributedSystem system, string jobId, DatasetManifest expected) =>
        AssertSameDataset(expected, await ReadDatasetAsync(system, jobId));

    public static void AssertSameDataset(DatasetManifest expected, DatasetManifest actual)
    {
        Assert.Equal(expected.Frames.Select(f => (f.Index, f.TimeSeconds)), actual.Frames.Select(f => (f.Index, f.TimeSeconds)));
        Assert.Equal(expected.Faces.Select(f => f.Id), actual.Faces.Select(f => f.Id));
        Assert.Equal(actual.Faces.Count, actual.Faces.Select(f => f.Id).Distinct().Count());
        for (var i = 0; i < expected.Faces.Count; i++)
        {
            var (want, got) = (expected.Faces[i], actual.Faces[i]);
            var box = Math.Max(Math.Max(Math.Abs(want.Box.Left - got.Box.Left), Math.Abs(want.Box.Top - got.Box.Top)), Math.Max(Math.Abs(want.Box.Right - got.Box.Right), Math.Abs(want.Box.Bottom - got.Box.Bottom)));
            Assert.True(box < 0.01f, $"face {want.Id}: boxes differ by {box} px");
            var distance = MathF.Sqrt(want.Descriptor.Zip(got.Descriptor, (a, b) => (a - b) * (a - b)).Sum());
            Assert.True(distance < 1e-4f, $"face {want.Id}: descriptors are {distance} apart");
        }

        Assert.Equal(expected.Frames.Select(f => f.Shot), actual.Frames.Select(f => f.Shot));
        Assert.Equal(expected.Faces.Select(f => f.Track), actual.Faces.Select(f => f.Track));
        Assert.Equal(expected.Clusters, actual.Clusters);
        Assert.Equal(expected.PeopleCount, actual.PeopleCount);
        Assert.Equal(expected.Parameters, actual.Parameters);
    }
}
