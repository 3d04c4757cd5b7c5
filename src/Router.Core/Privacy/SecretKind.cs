namespace Router.Core.Privacy;

/// <summary>What a secret-like name promises its value is, which decides how the value is judged.</summary>
internal enum SecretKind
{
    /// <summary>Not a name secrets are kept under.</summary>
    None,

    /// <summary>A password: any clear literal counts.</summary>
    Password,

    /// <summary>A key, token or secret: only a random-looking value counts.</summary>
    Secret,

    /// <summary>The signature of a signed URL.</summary>
    Signature,

    /// <summary>An HTTP Authorization header value: a scheme, then the credential.</summary>
    Authorization,
}
