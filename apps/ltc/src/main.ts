type Command = (args: string[]) => Promise<number>;

/**
 * Each command's module loads when it runs: `ltc leads import` and `ltc projections` talk HTTP
 * and start in a fraction of a second, without loading the engine that `demo` and `export` open.
 */
const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  token: async () => (await import('./token.command.js')).tokenCommand,
  leads: async () => (await import('./leads-import/leads-import.command.js')).leadsCommand,
  projections: async () => (await import('./projections/projections.command.js')).projectionsCommand,
  audit: async () => (await import('./audit/audit.command.js')).auditCommand,
  export: async () => (await import('./export/export.command.js')).exportCommand,
  simulate: async () => (await import('./simulate/simulate.command.js')).simulateCommand,
  demo: async () => (await import('./demo/demo.command.js')).demoCommand,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name === undefined ? undefined : COMMANDS[name];
  if (command) return (await command())(rest);
  const { HELP } = await import('./help.js');
  if (name === undefined || name === 'help' || name === '--help') {
    console.log(HELP);
    return 0;
  }
  console.error(`Unknown command "${name}".\n\n${HELP}`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  async (error: unknown) => {
    const { ConfigError } = await import('#ltc/platform');
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  },
);
