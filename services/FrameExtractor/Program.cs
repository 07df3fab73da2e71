using FaceMesh.FrameExtractor;
using FaceMesh.Hosting;
using FaceMesh.Hosting.Settings;
using FaceMesh.Messaging;

var builder = ServiceDefaults.CreateBuilder(args);
builder.AddServiceDefaults(FaceMeshServices.FrameExtractor);
builder.Services.AddFaceMeshGrpc(publicApi: true);
builder.Services.AddFaceMeshBus(_ => { });
builder.Services.AddSingleton<SamplingQueue>();
builder.Services.AddHostedService<SamplingWorker>();
builder.Services.AddHostedService<RetentionWorker>();

var app = builder.Build();
app.MapGrpcService<JobsService>();
app.MapDefaultEndpoints();
app.Run();
