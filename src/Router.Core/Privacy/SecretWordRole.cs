namespace Router.Core.Privacy;

/// <summary>What a word inside a name says about the value stored under that name.</summary>
internal enum SecretWordRole
{
    /// <summary>A password, PIN or passphrase word: <c>passwort</c>, <c>senha</c>, <c>пароль</c>, <c>密码</c>.</summary>
    Password,

    /// <summary>A password word that is also an ordinary word in its language (Spanish <c>clave</c> is "key" too):
    /// its value must look like a password, letters with digits or three kinds of character.</summary>
    AmbiguousPassword,

    /// <summary>A secret or token word: <c>geheimnis</c>, <c>segredo</c>, <c>токен</c>, <c>密钥</c>.</summary>
    Secret,

    /// <summary>A key word, a secret only beside a qualifier: <c>schlüssel</c>, <c>clé</c>, <c>ключ</c>, <c>키</c>.</summary>
    Key,

    /// <summary>A word that makes a key a credential: <c>api</c>, <c>zugang</c>, <c>privada</c>, <c>доступ</c>.</summary>
    KeyQualifier,

    /// <summary>A word that makes the name about a secret rather than holding one: <c>hash</c>, <c>länge</c>, <c>политика</c>, <c>长度</c>.</summary>
    Harmless,
}
