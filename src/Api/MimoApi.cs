namespace Mimo.Api;

/// <summary>Builds the API application; tests build it the same way with their own configuration.</summary>
public static class MimoApi
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        var app = builder.Build();
        return app;
    }
}
