namespace Ledger.Testing;

/// <summary>Files of the repository (seeds, db scripts) for tests and benchmarks, found above the build output.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    public static string Seed(string name) => Path("seeds", name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Ledger.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Ledger.sln not found above " + AppContext.BaseDirectory);
    }
}
