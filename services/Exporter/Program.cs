using FaceMesh.Exporter;
using FaceMesh.Hosting;
using FaceMesh.Hosting.Security;
using FaceMesh.Hosting.Settings;
using FaceMesh.Messaging;
using FaceMesh.Review;
using FaceMesh.Review.Web;
using Microsoft.Extensions.Options;

var builder = ServiceDefaults.CreateBuilder(args);
builder.AddServiceDefaults(FaceMeshServices.Exporter);
builder.Services.AddFaceMeshBus(bus =>
{
    bus.AddConsumer<JobClusteredConsumer>();
    bus.AddConsumer<CollectionClusteredConsumer>();
});
builder.Services.AddSingleton<ReviewSessions>();
builder.Services.AddSingleton(sp => new ReviewTokenFilter(sp.GetRequiredService<IOptionsMonitor<AuthOptions>>(), sp.GetRequiredService<ReviewSessions>().MayOpenAsync));

var app = builder.Build();
app.MapDefaultEndpoints();
var sessions = app.Services.GetRequiredService<ReviewSessions>();
app.MapReview("/review/{job}", sessions.For, app.Services.GetRequiredService<ReviewTokenFilter>());
app.Run();
