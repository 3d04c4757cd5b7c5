// API keys live in VS Code's secret storage under the name of the environment variable the
// server reads (router.yaml's apiKeyEnv) and reach the server only through its environment.

/** Variable names offered first when setting a key. */
export const wellKnownKeyVariables: readonly string[] = ['OPENAI_API_KEY', 'ANTHROPIC_API_KEY', 'OPENROUTER_API_KEY', 'GROQ_API_KEY'];

/** The secret storage key of one variable. */
export function secretKey(variable: string): string {
  return `router.env.${variable}`;
}

/** An error for the input box when the name cannot be an environment variable, else null. */
export function validateVariableName(name: string): string | null {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name.trim()) ? null : 'Letters, digits and _ only, not starting with a digit (e.g. OPENAI_API_KEY).';
}

/** The server's environment: the editor's, with the stored keys on top (a stored key wins). */
export function serverEnvironment(base: NodeJS.ProcessEnv, keys: ReadonlyMap<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base };
  for (const [name, value] of keys) {
    if (value !== '') {
      env[name] = value;
    }
  }
  return env;
}

/** Parses the stored list of variable names (kept apart because secret storage cannot be listed). */
export function parseVariableList(stored: string | undefined): string[] {
  if (!stored) {
    return [];
  }
  try {
    const value: unknown = JSON.parse(stored);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && validateVariableName(v) === null) : [];
  } catch {
    return [];
  }
}
