namespace Router.Core.Privacy;

/// <summary>A word that, in prose, announces a password or PIN ("Passwort", "mot de passe", "пароль", "密码").</summary>
/// <param name="Word">The word as written, matched ignoring case.</param>
/// <param name="Compound">Letters may stand before it: German and Dutch join words ("WLAN-Passwort", "Datenbankpasswort").</param>
/// <param name="Inflects">Letters may follow it: endings and possessives ("şifrem", "hasła", "пароля", "passwords").</param>
/// <param name="Pin">It announces a PIN, whose value is 4 to 8 digits.</param>
internal readonly record struct ProsePasswordCue(string Word, bool Compound, bool Inflects, bool Pin);
