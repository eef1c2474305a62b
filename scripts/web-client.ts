// Writes the web app's typed API schema and vocabulary: `npm run web:client` (see scripts/web-client/render-schema.ts).
import { writeFileSync } from 'node:fs';
import { renderWebClient } from './web-client/render-schema.js';

for (const [name, text] of Object.entries(await renderWebClient()) as [string, string][]) {
  const target = new URL(`../../apps/web/src/api/${name}`, import.meta.url);
  writeFileSync(target, text);
  console.warn(`wrote ${target.pathname}`);
}
