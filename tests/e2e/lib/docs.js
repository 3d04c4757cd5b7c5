// Reads the editor configurations in docs/editors.md, so the tests run what the page tells users to write.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { repoRoot } = require('./router');

const editorsDoc = path.join(repoRoot, 'docs', 'editors.md');

/** The one fenced block of `language` (e.g. 'elisp', 'toml') under the `## heading` of docs/editors.md. */
function documentedBlock(heading, language) {
  const text = fs.readFileSync(editorsDoc, 'utf8');
  const start = text.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`docs/editors.md has no "## ${heading}" section`);
  const next = text.indexOf('\n## ', start + 1);
  const section = text.slice(start, next < 0 ? undefined : next);
  const blocks = [...section.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]);
  if (blocks.length !== 1) throw new Error(`"## ${heading}" in docs/editors.md has ${blocks.length} \`\`\`${language} blocks, expected 1`);
  return blocks[0];
}

module.exports = { editorsDoc, documentedBlock };
