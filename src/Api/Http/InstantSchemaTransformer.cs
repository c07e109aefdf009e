using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Mimo.Api.Http;

/// <summary>
/// Marks a string request property that holds an instant written in ISO 8601 with its offset. It
/// is read as text so that the offset can be required (see <see cref="Fields.Instant"/>); the
/// OpenAPI document still describes it as a <c>date-time</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class InstantAttribute : Attribute;

/// <summary>Gives the properties marked <see cref="InstantAttribute"/> the OpenAPI format <c>date-time</c>.</summary>
internal sealed class InstantSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(
        OpenApiSchema schema,
        OpenApiSchemaTransformerContext context,
        CancellationToken cancellationToken)
    {
        var property = context.JsonPropertyInfo?.AttributeProvider;
        if (property?.IsDefined(typeof(InstantAttribute), inherit: true) == true)
        {
            schema.Format = "date-time";
        }

        return Task.CompletedTask;
    }
}
