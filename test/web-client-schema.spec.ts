import { readFileSync } from 'node:fs';
import { renderWebClient } from '../scripts/web-client/render-schema.js';

describe('The web app’s generated API client', () => {
  it("is the current rendering of the API's OpenAPI document", async () => {
    const stale = Object.entries(await renderWebClient())
      .filter(([name, text]) => readFileSync(new URL(`../apps/web/src/api/${name}`, import.meta.url), 'utf8') !== text)
      .map(([name]) => `apps/web/src/api/${name}`);
    if (stale.length > 0) {
      throw new Error(
        `${stale.join(' and ')} ${stale.length > 1 ? 'are' : 'is'} stale: the API changed since it was generated; run \`npm run web:client\``,
      );
    }
  }, 60_000);
});
