// The refactor quick pick: ready-made instructions and a free one typed by the user.

export interface RefactorChoice {
  label: string;
  /** The instruction sent to the server; null asks the user to type one. */
  instruction: string | null;
}

export const refactorChoices: readonly RefactorChoice[] = [
  { label: '$(shield) Add error handling', instruction: 'Add error handling' },
  { label: '$(symbol-method) Extract function', instruction: 'Extract function' },
  { label: '$(edit) Other instruction…', instruction: null },
];

/** A typed instruction, or a message saying why it cannot be used (for the input box). */
export function validateInstruction(value: string): string | null {
  return value.trim() === '' ? 'Say what to change, e.g. "use async/await".' : null;
}

/** What a router.refactor result asks of the client: an LSP WorkspaceEdit to apply, and/or a message. */
export interface RefactorOutcome {
  edit: object | null;
  message: string | null;
}

/** Accepts {edit, message}, a bare WorkspaceEdit, or null (the server applied the edit itself). */
export function refactorOutcome(result: unknown): RefactorOutcome {
  if (typeof result !== 'object' || result === null) {
    return { edit: null, message: null };
  }
  const isEdit = (v: unknown): v is object => typeof v === 'object' && v !== null && ('changes' in v || 'documentChanges' in v);
  if (isEdit(result)) {
    return { edit: result, message: null };
  }
  const r = result as { edit?: unknown; message?: unknown };
  return { edit: isEdit(r.edit) ? r.edit : null, message: typeof r.message === 'string' && r.message !== '' ? r.message : null };
}
