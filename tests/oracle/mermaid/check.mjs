// Parses a Mermaid file with mermaid.parse (the parser the renderer uses)
// and prints {"ok": true, "type": ...} or {"ok": false, "error": ...}.
// Mermaid expects a DOM even to parse: jsdom provides one.
import fs from 'fs';
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!DOCTYPE html><body></body>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import('mermaid');
const text = fs.readFileSync(process.argv[2], 'utf8');
try {
  const result = await mermaid.parse(text);
  console.log(JSON.stringify({ ok: true, type: result.diagramType }));
} catch (error) {
  console.log(JSON.stringify({ ok: false, error: String(error.message || error) }));
}
