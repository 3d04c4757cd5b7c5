using Router.Core.Signals;

namespace Router.Core.Tests.Signals.Languages;

/// <summary>Asks written in French, as users write them: each reaches its tier, and the reasons say "(fr)".</summary>
public sealed class FrenchAskTests
{
    public static TheoryData<string> ReasoningAsks => new()
    {
        "Démontrez que la somme des angles d'un triangle vaut 180 degrés.",
        "Prouve qu'il existe une infinité de nombres premiers.",
        "Quelle est la probabilité d'obtenir deux as en tirant deux cartes d'un jeu de 52 cartes ?",
        "Résous le système : x + y = 10 et x - y = 4.",
        "Quelle est la complexité temporelle du tri par insertion dans le pire cas ?",
        "Trois prisonniers portent chacun un chapeau blanc ou noir. Comment le troisième devine-t-il sa couleur ?",
        "Un escargot monte de 3 mètres le jour et redescend de 2 mètres la nuit. En combien de jours atteint-il le haut d'un mur de 10 mètres ?",
    };

    public static TheoryData<string> CodeAsks => new()
    {
        "Écris une fonction Python qui calcule la moyenne d'une liste.",
        "Corrige cette fonction, elle renvoie toujours None.",
        "Implémente un arbre binaire de recherche en Java.",
        "Comment puis-je lire un fichier CSV avec pandas ?",
        "Génère une requête SQL qui compte les commandes par client.",
        "Refactorise cette classe pour séparer l'accès aux données.",
        "Pourriez-vous écrire un script Python qui supprime les fichiers temporaires ?",
    };

    public static TheoryData<string> WideScopeAsks => new()
    {
        "Conçois une architecture de messagerie instantanée capable de monter en charge à des millions d'utilisateurs.",
        "Explique-moi la structure de l'ensemble du dépôt et le rôle de chaque module.",
        "Nous devons migrer notre monolithe vers des microservices. Propose une feuille de route avec les étapes et les risques.",
        "Quels sont les avantages et inconvénients d'une architecture hexagonale pour notre application ?",
        "Comment découper notre application en modules indépendants et quelle architecture choisir pour le backend ?",
    };

    public static TheoryData<string> ImageAsks => new()
    {
        "Que vois-tu sur cette capture d'écran ?",
        "Décris l'image ci-jointe.",
        "Peux-tu lire ce qui est écrit sur la photo ?",
    };

    public static TheoryData<string> QuickAsks => new()
    {
        "Quelle est la différence entre « ou » et « où » ?",
        "Traduis « bonne chance » en anglais.",
        "Que veut dire l'expression « avoir le cafard » ?",
        "Donne-moi un synonyme de « content ».",
        "Salut, ça va ?",
        "Écris un petit mot pour remercier mon voisin.",
        "C'est quoi un algorithme ? Explique simplement.",
        "Peux-tu me conseiller un bon livre de science-fiction ?",
    };

    [Theory]
    [MemberData(nameof(ReasoningAsks))]
    public void Reasoning_asks_reach_reasoning(string ask) => LanguageAsks.Reaches(ask, SignalClass.Reasoning, "fr");

    [Theory]
    [MemberData(nameof(CodeAsks))]
    public void Code_asks_reach_code(string ask) => LanguageAsks.Reaches(ask, SignalClass.Code, "fr");

    [Theory]
    [MemberData(nameof(WideScopeAsks))]
    public void WideScope_asks_reach_heavy(string ask) => LanguageAsks.Reaches(ask, SignalClass.Wide, "fr");

    [Theory]
    [MemberData(nameof(ImageAsks))]
    public void Image_asks_reach_vision(string ask) => LanguageAsks.Reaches(ask, SignalClass.Image, "fr");

    [Theory]
    [MemberData(nameof(QuickAsks))]
    public void Quick_asks_stay_quick(string ask) => LanguageAsks.StaysQuick(ask);
}
