using Mimo.Api;

var app = MimoApi.Build(args);
await app.RunAsync();
