using FaceMesh.Exporter;
using FaceMesh.Infrastructure.Hosting;
using FaceMesh.Infrastructure.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddFaceMeshBus(bus => bus.AddConsumer<JobClusteredConsumer>());

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();
