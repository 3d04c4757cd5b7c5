namespace Router.Core.Signals.Languages;

/// <summary>Words every language borrows: technologies the English look-up does not name, and English code words used
/// as they are ("endpoint", "hash map"). They count for a language only beside words of its own.</summary>
internal static class SharedCues
{
    public static LanguageCues Cues { get; } = new("*")
    {
        Technologies =
        [
            "spring boot", "spring|", "flutter", "dart|", "azure", "aws|", "gcp|", "laravel", "rails|", "next js", "nextjs",
            "nuxt", "svelte", "tailwind", "jquery", "asp net", "net core", "entity framework", "hibernate", "mariadb",
            "sql server", "dynamodb", "firebase", "supabase", "openapi", "swagger", "prometheus", "grafana", "jenkins",
            "github actions", "android", "ios|", "xcode", "swiftui", "jetpack compose", "listview", "recyclerview",
            "matplotlib", "scikit", "sklearn", "opencv", "selenium", "playwright", "cypress", "nunit", "mocha", "vitest",
            "eslint", "linux", "ubuntu", "wsl|", "intellij", "pycharm", "unity|", "nats|", "mediatr", "blazor", "wpf|",
            "winforms", "electron", "tauri", "deno", "bun|", "express js", "nestjs", "spring mvc", "kotlin coroutines",
            "room|", "sqlalchemy", "prisma", "typeorm", "sequelize", "mongoose", "pydantic", "celery", "airflow", "dbt|",
            "snowflake", "bigquery", "clickhouse", "cassandra", "etcd", "consul", "vault|", "istio", "envoy", "argocd",
            "go|", "golang",
            "node|", "node js", "argon2", "bcrypt", "commit|", "commits|", "rebase", "pull request", "merge request", "cherry pick", "stash|",
        ],
        CodeNouns =
        [
            "endpoint", "hash map", "hashmap", "hash set", "hashset", "hash table", "linked list", "array|", "arrays|",
            "callback", "promise", "async await", "middleware", "interface", "struct|", "enum|", "lambda", "getter", "setter",
            "dataframe", "json|", "yaml|", "csv|", "dockerfile", "makefile", "cron", "webhook", "pipeline", "unit test",
            "snippet", "one liner", "oneliner", "workflow", "query string", "stack trace", "traceback", "null pointer",
            "stack|", "cache|", "lru|", "queue|", "trie|", "binary search", "web server", "rest api", "crud|",
            "hash|", "hashes|",
        ],
    };
}
