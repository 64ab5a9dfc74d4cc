// Parses Mermaid files with mermaid.parse (the parser the renderer uses)
// and prints one line per file: {"ok": true, "type": ...} or {"ok": false,
// "error": ...}. Loading mermaid is the slow part, so it takes many files.
// Mermaid expects a DOM even to parse: jsdom provides one.
import fs from 'fs';
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!DOCTYPE html><body></body>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import('mermaid');
for (const file of process.argv.slice(2)) {
  try {
    const result = await mermaid.parse(fs.readFileSync(file, 'utf8'));
    console.log(JSON.stringify({ ok: true, type: result.diagramType }));
  } catch (error) {
    console.log(JSON.stringify({ ok: false, error: String(error.message || error) }));
  }
}
