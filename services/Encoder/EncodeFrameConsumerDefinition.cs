using FaceMesh.Hosting.Settings;
using MassTransit;
using Microsoft.Extensions.Options;

namespace FaceMesh.Encoder;

/// <summary>As many frames at once as the Encoder has engines (<c>Encoder__Engines</c>), read from the validated options.</summary>
public sealed class EncodeFrameConsumerDefinition : ConsumerDefinition<EncodeFrameConsumer>
{
    public EncodeFrameConsumerDefinition(IOptions<EncoderOptions> options) => ConcurrentMessageLimit = options.Value.Engines;
}
