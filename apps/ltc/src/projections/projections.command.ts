import { parseArgs } from 'node:util';
import {
  API_TARGET_OPTIONS,
  ApiRefusedError,
  DEFAULT_API_URL,
  apiErrorText,
  apiTargetOf,
  type ApiTarget,
} from '../cli/api-client.js';
import { listProjections, runnerStatus } from './projections-api.js';
import { elsewhereText, errorLines, runnerText, statusTable } from './projections-text.js';
import { RebuildFailedError, rebuildAll, rebuildProjection } from './rebuild.js';

export const PROJECTIONS_HELP = `  ltc projections list [--json] [--url URL] [--token TOKEN]
      Every projection and process manager: kind, version, state, position and lag
      (--json: as GET /projections gives it). Any of auditor, sales_manager,
      service_manager or admin.
  ltc projections status [NAME] [--json] [--url URL] [--token TOKEN]
      The same for NAME (or all) with their last errors, and which process runs the
      background jobs (GET /projections/runner: active, standby or api, and the lease holder).
  ltc projections rebuild NAME|--all [--url URL] [--token TOKEN]
      Reset NAME and fold it again from the start of the log (POST /projections/NAME/rebuild,
      an admin token), then follow it until it is live at the head: a progress bar on stderr
      with events done, rate and ETA. --all rebuilds every projection one after another, then
      the process managers that keep tables of their own (skipping the others, saying so),
      and prints a summary: name, events, seconds. Only the process that runs the background
      jobs rebuilds. Interrupting the command stops the following, not the rebuild.
      --url defaults to $LTC_URL or ${DEFAULT_API_URL}, --token to $LTC_TOKEN. Exit code 0
      when done, 1 when a rebuild failed or the API refused, 2 on bad arguments.`;

type ProjectionsCommand =
  | { readonly action: 'list'; readonly target: ApiTarget; readonly json: boolean }
  | { readonly action: 'status'; readonly target: ApiTarget; readonly json: boolean; readonly name?: string }
  | { readonly action: 'rebuild'; readonly target: ApiTarget; readonly name: string }
  | { readonly action: 'rebuild-all'; readonly target: ApiTarget };

/** `ltc projections <subcommand>` */
export async function projectionsCommand(args: string[]): Promise<number> {
  const [subcommand, ...rest] = args;
  if (subcommand === 'help' || subcommand === '--help') {
    console.log(`Usage:\n${PROJECTIONS_HELP}`);
    return 0;
  }
  const command = parseProjectionsArgs(subcommand, rest);
  if (typeof command === 'string') {
    console.error(`${command}\n\nUsage:\n${PROJECTIONS_HELP}`);
    return 2;
  }
  try {
    return await run(command);
  } catch (error) {
    const text = apiErrorText(error);
    if (text === undefined) throw error;
    console.error(text);
    if (error instanceof ApiRefusedError && error.code === 'WORKER_NOT_IN_PROCESS') {
      console.error(await whereTheJobsRun(command.target));
    }
    return 1;
  }
}

/** The command, or what is wrong with the arguments. */
function parseProjectionsArgs(subcommand: string | undefined, args: string[]): ProjectionsCommand | string {
  if (subcommand !== 'list' && subcommand !== 'status' && subcommand !== 'rebuild') {
    return subcommand === undefined
      ? 'Say what to do: list, status or rebuild'
      : `Unknown command "projections ${subcommand}"`;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { ...API_TARGET_OPTIONS, json: { type: 'boolean' }, all: { type: 'boolean' } },
    });
  } catch (error) {
    return (error as Error).message;
  }
  const { values, positionals } = parsed;
  const json = values.json === true;
  const all = values.all === true;
  if (subcommand === 'rebuild' && json) return 'projections rebuild takes no --json';
  if (subcommand !== 'rebuild' && all) return `projections ${subcommand} takes no --all`;
  const [name, ...extra] = positionals;
  if (extra.length > 0) return `Give one NAME, not ${positionals.length}`;
  if (subcommand === 'list' && name !== undefined) return 'projections list takes no NAME (see projections status)';
  if (subcommand === 'rebuild' && name === undefined && !all) return 'Give the NAME to rebuild, or --all';
  if (subcommand === 'rebuild' && name !== undefined && all) return 'Give a NAME or --all, not both';
  const tokenHint =
    subcommand === 'rebuild' ? 'ltc token --sub you --roles admin' : 'ltc token --sub you --roles auditor';
  const target = apiTargetOf(values, tokenHint);
  if (typeof target === 'string') return target;
  if (subcommand === 'rebuild')
    return name === undefined ? { action: 'rebuild-all', target } : { action: 'rebuild', target, name };
  if (subcommand === 'status') return { action: 'status', target, json, ...(name === undefined ? {} : { name }) };
  return { action: 'list', target, json };
}

async function run(command: ProjectionsCommand): Promise<number> {
  switch (command.action) {
    case 'list':
      return list(command.target, command.json);
    case 'status':
      return status(command.target, command.json, command.name);
    case 'rebuild':
      return rebuildOne(command.target, command.name);
    case 'rebuild-all':
      return rebuildAll(command.target, process.stderr);
  }
}

async function list(target: ApiTarget, json: boolean): Promise<number> {
  const { statuses, json: answer } = await listProjections(target);
  console.log(json ? JSON.stringify(answer, null, 2) : [statusTable(statuses), ...errorLines(statuses)].join('\n'));
  return 0;
}

async function status(target: ApiTarget, json: boolean, name: string | undefined): Promise<number> {
  const [{ statuses: every }, runner] = await Promise.all([listProjections(target), runnerStatus(target)]);
  const statuses = name === undefined ? every : every.filter((s) => s.name === name);
  if (statuses.length === 0) {
    console.error(
      `No projection or process manager is named "${name ?? ''}"; known: ${every.map((s) => s.name).join(', ')}`,
    );
    return 1;
  }
  if (json) {
    console.log(JSON.stringify({ runner, projections: statuses }, null, 2));
  } else {
    console.log([runnerText(runner, target.url), '', statusTable(statuses), ...errorLines(statuses)].join('\n'));
  }
  return 0;
}

async function rebuildOne(target: ApiTarget, name: string): Promise<number> {
  try {
    await rebuildProjection(target, name, process.stderr);
    return 0;
  } catch (error) {
    if (!(error instanceof RebuildFailedError)) throw error;
    console.error(error.message);
    return 1;
  }
}

/** WORKER_NOT_IN_PROCESS says where not to send a rebuild; the runner's status says where to. */
async function whereTheJobsRun(target: ApiTarget): Promise<string> {
  try {
    return elsewhereText(await runnerStatus(target), target.url);
  } catch (error) {
    return `GET /projections/runner, which says which process runs the background jobs, failed too: ${apiErrorText(error) ?? String(error)}`;
  }
}
