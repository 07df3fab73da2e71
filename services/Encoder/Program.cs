using FaceMesh.Contracts.V1;
using FaceMesh.Encoder;
using FaceMesh.Engine.Models;
using FaceMesh.Hosting;
using FaceMesh.Hosting.Settings;
using FaceMesh.Messaging;
using FaceMesh.Pipeline.Distributed;
using Microsoft.Extensions.Options;

var builder = ServiceDefaults.CreateBuilder(args);
builder.AddServiceDefaults(FaceMeshServices.Encoder);
builder.Services.AddSingleton<EnginePool>();
builder.Services.AddGrpcClient<FaceSink.FaceSinkClient>((sp, client) => client.Address = new Uri(sp.GetRequiredService<IOptions<EncoderOptions>>().Value.ClustererUrl));
builder.Services.AddScoped<IFaceSink, GrpcFaceSink>();
builder.Services.AddFaceMeshBus(bus => bus.AddConsumer<EncodeFrameConsumer>(typeof(EncodeFrameConsumerDefinition)));

var app = builder.Build();
try
{
    app.Services.GetRequiredService<EnginePool>().VerifyModels();
}
catch (ModelProvisioningException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}


app.MapDefaultEndpoints();
app.Run();
return 0;
