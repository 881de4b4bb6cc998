import { parseServeArgs, SERVE_HELP, UsageError } from './parse-serve-args.js';
import { startServer } from './start-server.js';

const HELP = `Usage: hidream-edit <command> [options]

Commands:
  serve   start the proxy (see: hidream-edit serve --help)
`;

/** Runs the command line; resolves with the exit code once a server is up (or at once for errors). */
export async function main(argv: readonly string[]): Promise<number | undefined> {
  const [command, ...rest] = argv;
  if (command === '-h' || command === '--help' || command === 'help') {
    process.stdout.write(HELP);
    return 0;
  }
  if (command !== 'serve') {
    process.stderr.write(command ? `Unknown command "${command}".\n\n${HELP}` : HELP);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(SERVE_HELP);
    return 0;
  }
  let args;
  try {
    args = parseServeArgs(rest);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`hidream-edit serve: ${error.message}\nRun "hidream-edit serve --help" for the options.\n`);
    return 2;
  }
  let running;
  try {
    running = await startServer({ ...args, corsOrigins: args.corsOrigins });
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'EADDRINUSE' ? `port ${args.port} is already in use` : String((error as Error).message ?? error);
    process.stderr.write(`hidream-edit serve: could not listen on ${args.host}:${args.port}: ${reason}\n`);
    return 1;
  }
  const stop = (signal: string) => {
    process.stdout.write(`${signal}: shutting down\n`);
    void running.close().then(() => process.exit(0));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.stdout.write(`listening on ${running.url}\nupstream: ${running.upstream}\n`);
  if (args.webhook) {
    const secret = running.webhookSecret ? `signed with ${running.webhookSecret}` : "signed with your WaveSpeed account's webhook secret";
    process.stdout.write(`webhook: ${args.webhook} (${secret})\n`);
  }
  return undefined;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== undefined) process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`hidream-edit: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
