using FaceMesh.FrameExtractor;
using FaceMesh.Infrastructure.Hosting;
using FaceMesh.Infrastructure.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddOptions<ExtractorOptions>().BindConfiguration(ExtractorOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddFaceMeshGrpc(publicApi: true);
builder.Services.AddFaceMeshBus(_ => { });
builder.Services.AddSingleton<SamplingQueue>();
builder.Services.AddHostedService<SamplingWorker>();

var app = builder.Build();
app.MapGrpcService<JobsService>();
app.MapDefaultEndpoints();
app.Run();
