using FaceMesh.Exporter;
using FaceMesh.Infrastructure.Hosting;
using FaceMesh.Infrastructure.Messaging;
using FaceMesh.Infrastructure.Security;
using FaceMesh.Infrastructure.Settings;
using FaceMesh.Review;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(FaceMeshServices.Exporter);
builder.Services.AddFaceMeshBus(bus => bus.AddConsumer<JobClusteredConsumer>());
builder.Services.AddSingleton<ReviewSessions>();
builder.Services.AddSingleton(sp => new ReviewTokenFilter(sp.GetRequiredService<IOptionsMonitor<AuthOptions>>(), sp.GetRequiredService<ReviewSessions>().MayOpenAsync));

var app = builder.Build();
app.MapDefaultEndpoints();
var sessions = app.Services.GetRequiredService<ReviewSessions>();
app.MapReview("/review/{job}", sessions.For, app.Services.GetRequiredService<ReviewTokenFilter>());
app.Run();
