using FaceMesh.Exporter;
using FaceMesh.Infrastructure.Hosting;
using FaceMesh.Infrastructure.Messaging;
using FaceMesh.Infrastructure.Settings;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(FaceMeshServices.Exporter);
builder.Services.AddFaceMeshBus(bus => bus.AddConsumer<JobClusteredConsumer>());

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();
