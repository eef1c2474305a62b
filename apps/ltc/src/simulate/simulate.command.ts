import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { API_TARGET_OPTIONS, DEFAULT_API_URL, apiErrorText, apiTargetOf, callApi } from '../cli/api-client.js';
import { simulationText, type SimulationAnswer } from './simulation-text.js';

export const SIMULATE_HELP = `  ltc simulate FILE [--json] [--url URL] [--token TOKEN]
      Replay a period of history under a proposed policy and print it beside what happened
      (POST /simulations). FILE (or - for stdin) holds the request as JSON:
        {"kind": "lead_distribution", "from": "2026-09-01T00:00:00Z", "to": "2026-12-01T00:00:00Z",
         "policy": {"method": "territory"}, "scope": "nordics"}
      kind: lead_distribution, lead_scoring or sla; policy in the shape of its own route
      (omitted: the policies in force at the time, which reproduces the record); scope optional.
      Writes nothing. --json prints the answer as the API gives it. A sales manager's token for
      lead kinds, a service manager's for sla. --url defaults to $LTC_URL or ${DEFAULT_API_URL},
      --token to $LTC_TOKEN. Exit code 0 when answered, 1 when the API refused, 2 on bad arguments.`;

/** `ltc simulate FILE` */
export async function simulateCommand(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { ...API_TARGET_OPTIONS, json: { type: 'boolean' } } });
  } catch (error) {
    return usage((error as Error).message);
  }
  const { values, positionals } = parsed;
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0) return usage('Name one request file (or - for stdin)');
  const target = apiTargetOf(values, 'e.g. npm run ltc -- token --sub maria --roles sales_manager');
  if (typeof target === 'string') return usage(target);
  const body = requestBody(file);
  if (body.problem !== undefined) return usage(body.problem);
  try {
    const answer = await callApi(target, '/simulations', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: body.text,
    });
    console.log(values.json ? JSON.stringify(answer.body, null, 2) : simulationText(answer.body as SimulationAnswer));
    return 0;
  } catch (error) {
    const text = apiErrorText(error);
    if (text === undefined) throw error;
    console.error(text);
    return 1;
  }
}

/** The file's JSON, checked to be an object before it travels; or what is wrong with it. */
function requestBody(
  file: string,
): { readonly text: string; readonly problem?: undefined } | { readonly problem: string } {
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    return { problem: `Cannot read ${file}: ${(error as Error).message}` };
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      return { problem: `${file} must hold one JSON object (the request)` };
    }
  } catch (error) {
    return { problem: `${file} is not JSON: ${(error as Error).message}` };
  }
  return { text };
}

function usage(problem: string): number {
  console.error(`${problem}\n\nUsage:\n${SIMULATE_HELP}`);
  return 2;
}
