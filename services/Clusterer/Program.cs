using FaceMesh.Clusterer;
using FaceMesh.Hosting;
using FaceMesh.Hosting.Settings;
using FaceMesh.Messaging;
using FaceMesh.Pipeline.Distributed;
using FaceMesh.Storage;
using MassTransit;

var builder = ServiceDefaults.CreateBuilder(args);
builder.AddServiceDefaults(FaceMeshServices.Clusterer);
builder.Services.AddFaceMeshGrpc(publicApi: false);
builder.Services.AddFaceMeshBus(bus =>
{
    bus.AddConsumer<FootageSampledConsumer>();
    bus.AddConsumer<EncodeFrameFaultConsumer>();
    bus.AddConsumer<CollectionChangedConsumer>();
});
builder.Services.AddSingleton(sp => new FrameLedger(sp.GetRequiredService<ObjectStores>().Work, new MassTransitJobBus(sp.GetRequiredService<IBus>())));
builder.Services.AddHostedService<LedgerRecovery>();

var app = builder.Build();
app.MapGrpcService<FaceSinkService>();
app.MapDefaultEndpoints();
app.Run();
