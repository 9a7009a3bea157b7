// `npm run sandbox`: the Codat and Blue sandbox servers alone, seeded, until Ctrl-C. Prints the
// env lines that point `npx zapier-platform invoke ...` at them.
import { DEMO } from './seed.js';
import { startServers } from './round-trip.js';

function port(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new Error(`${name} must be a port number (0 = any free port), not "${raw}"`);
  return n;
}

// Fixed ports by default so the printed .env lines stay valid across restarts.
const codatPort = port('SANDBOX_CODAT_PORT', 4781);
const bluePort = port('SANDBOX_BLUE_PORT', 4782);

let servers: Awaited<ReturnType<typeof startServers>>;
try {
  servers = await startServers({
    codatPort,
    bluePort,
    log: (service, line) => console.log(`[${new Date().toISOString().slice(11, 23)}] ${service.padEnd(5)} ${line}`),
  });
} catch (err) {
  const e = err as NodeJS.ErrnoException;
  console.error(
    e.code === 'EADDRINUSE'
      ? `A sandbox port is taken (${e.message}). Set SANDBOX_CODAT_PORT / SANDBOX_BLUE_PORT to free ports (0 = any).`
      : `The sandbox could not start: ${e.message}`,
  );
  process.exit(1);
}

const { ids } = DEMO;
const envLines = Object.entries(servers.env).map(([k, v]) => `${k}=${v}`);
console.log(`Codat webhooks (Svix) API: ${servers.codat.url}   (app ${DEMO.codat.clientId})`);
console.log(
  `Blue GraphQL API:          ${servers.blue.url}   (company ${DEMO.blue.companyId}, project ${DEMO.blue.projectId})`,
);
console.log(
  '\nPut these lines in .env (or prefix the command with them) so `zapier-platform invoke` uses the sandbox:\n',
);
console.log(envLines.join('\n'));
console.log(`
Then, in another terminal (after \`npm run build\`):
  npx zapier-platform invoke auth test
  npx zapier-platform invoke trigger blue_todo_list_list
  npx zapier-platform invoke create create_todo --non-interactive \\
    --inputData '{"todoListId":"${ids.listNew}","title":"Onboard Bank of Dave"}'

Seeded: lists "New Clients" (${ids.listNew}), "Onboarded" (${ids.listDone});
custom fields "Stage" SELECT_SINGLE (${ids.fieldStage}; options New ${ids.fieldStageNew}, KYC ${ids.fieldStageKyc}),
"Codat Company ID" TEXT_SINGLE (${ids.fieldCodatId}), "Loan Amount" CURRENCY (${ids.fieldAmount}); tag "Codat" (${ids.tagCodat}).

Emit a Codat event to every matching consumer:
  curl -s -X POST ${servers.codat.url}/api/v1/app/${DEMO.codat.clientId}/msg \\
    -H 'Authorization: Bearer ${DEMO.codat.zapierKey}' -H 'Content-Type: application/json' \\
    -d '{"eventType":"company.created","payload":{"id":"'$(uuidgen 2>/dev/null || echo 0d5e)'","eventType":"company.created","generatedDate":"2026-01-05T09:00:00Z","payload":{"id":"c1","name":"Bank of Dave"}}}'

Ctrl-C stops the sandbox (its data lives in memory only).
`);

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping the sandbox...`);
  await servers.stop();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
