namespace Mimo.Testing;

/// <summary>Where the repository and the programs built from it are, seen from a test's output folder.</summary>
public static class RepositoryPaths
{
    /// <summary>The folder that holds <c>Mimo.Orleans.sln</c>.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>
    /// The built <c>{program}.dll</c> in its own project's output folder (<c>src/Silo</c> for
    /// <c>Mimo.Silo</c>), built in the same configuration and framework as the running tests.
    /// </summary>
    public static string Program(string program)
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testOutput.Name;
        var configuration = testOutput.Parent!.Name;
        var project = program.StartsWith("Mimo.", StringComparison.Ordinal) ? program["Mimo.".Length..] : program;
        var path = Path.Combine(Root, "src", project, "bin", configuration, framework, program + ".dll");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{program} is not built at {path}; build the solution first.", path);
    }

    private static string FindRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Mimo.Orleans.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("The repository root (Mimo.Orleans.sln) was not found.");
    }
}
