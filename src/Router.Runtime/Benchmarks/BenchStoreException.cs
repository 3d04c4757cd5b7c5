namespace Router.Runtime.Benchmarks;

/// <summary>The bench results' database cannot be opened, read or written; the message says which file and why.</summary>
public sealed class BenchStoreException : Exception
{
    public BenchStoreException()
    {
    }

    public BenchStoreException(string message)
        : base(message)
    {
    }

    public BenchStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
