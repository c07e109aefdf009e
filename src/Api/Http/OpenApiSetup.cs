using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Mimo.Api.Http;

/// <summary>Describes the API's bearer-key authentication in the OpenAPI document.</summary>
internal sealed class BearerKeyDocumentTransformer : IOpenApiDocumentTransformer
{
    private const string SchemeName = "ApiKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Mimo Reminders API";
        document.Info.Description =
            "Payment reminders for invoicing platforms. Authenticate with 'Authorization: Bearer <key>': " +
            "the operator key creates tenants, a tenant key reaches that tenant's data only.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An operator key or a tenant key (mimo_tn…).",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(SchemeName, document)] = [],
        });
        return Task.CompletedTask;
    }
}
