// "Router: Show Configuration": the server's configuration in force as a plain-text table for the output channel.
import type { ConfigShowResult, ConfigValue } from './protocol';

/** Whether a router.configShow result has the expected shape. */
export function isConfigShowResult(value: unknown): value is ConfigShowResult {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const { source, values } = value as { source?: unknown; values?: unknown };
  return typeof source === 'string' && Array.isArray(values) && values.every(isConfigValue);
}

function isConfigValue(value: unknown): value is ConfigValue {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const { key, value: text, origin } = value as Record<string, unknown>;
  return typeof key === 'string' && typeof text === 'string' && typeof origin === 'string';
}

/** The report as `router config show` prints it: a heading, then key, value and origin in aligned columns. */
export function configurationText(report: ConfigShowResult): string {
  const rows = [['key', 'value', 'from'], ...report.values.map((v) => [v.key, v.value, v.origin])];
  const widths = [0, 1].map((column) => Math.max(...rows.map((row) => row[column]?.length ?? 0)));
  const lines = rows.map(([key = '', value = '', origin = '']) => `${key.padEnd(widths[0] ?? 0)}  ${value.padEnd(widths[1] ?? 0)}  ${origin}`.trimEnd());
  return [`configuration in force: ${report.source}`, '', ...lines, ''].join('\n');
}
