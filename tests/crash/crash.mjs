// The crash-safety harness: writes through the `desk` CLI (single records and large JSON
// imports) killed with SIGKILL after random delays. After each kill the database must pass
// `desk check`, every write that printed success must be there, and an import must be there
// whole or not at all. Usage: node crash.mjs DESK_BINARY CYCLES
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [desk, cyclesArg] = process.argv.slice(2);
const cycles = Number(cyclesArg ?? 50);
/** Delegations in one import: large enough that a kill often lands inside it. */
const IMPORT_SIZE = 1000;
/** A fresh database every so many cycles keeps each check's listing small. */
const CYCLES_PER_DATABASE = 10;

const dir = mkdtempSync(join(tmpdir(), 'desk-crash-'));
let db = '';

function run(args) {
  const result = spawnSync(desk, ['--db', db, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (result.status !== 0) throw new Error(`desk ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

/** Runs desk and kills it with SIGKILL after `delay` ms; resolves with what it printed. */
function runKilled(args, delay) {
  return new Promise((resolve) => {
    const child = spawn(desk, ['--db', db, ...args]);
    let stdout = '';
    let exited = null;
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', () => {});
    const timer = setTimeout(() => child.kill('SIGKILL'), delay);
    child.on('exit', (code) => {
      clearTimeout(timer);
      exited = code;
    });
    child.on('close', () => resolve({ stdout, code: exited }));
  });
}

function newDatabase(n) {
  db = join(dir, `desk-${n}.sqlite`);
  run(['init']);
}

/** One delegation as the export writes it, to copy into import files. */
function template() {
  run(['delegation', 'add', '--direction', 'outgoing', '--title', 'template', '--country', 'SG', '--starts', '2026-03-02', '--ends', '2026-03-06']);
  const file = join(dir, 'template.json');
  run(['export', '--out', file]);
  const exported = JSON.parse(spawnSync('cat', [file], { encoding: 'utf8' }).stdout);
  return exported;
}

function importFile(base, cycle) {
  const delegations = [];
  for (let k = 0; k < IMPORT_SIZE; k++) {
    delegations.push({ ...base.delegations[0], id: randomUUID(), title: `import-${cycle}-${k}` });
  }
  const file = join(dir, `import-${cycle}.json`);
  writeFileSync(file, JSON.stringify({ ...base, organisations: [], people: [], delegations, members: [], segments: [], stays: [], visas: [], programme_items: [], tasks: [], transfers: [], attachments: [], expenses: [], mission_reports: [], report_versions: [] }));
  return file;
}

function titles() {
  const listed = JSON.parse(run(['--json', 'delegation', 'list']));
  return listed.map((d) => d.title);
}

function elapsed(args) {
  const started = process.hrtime.bigint();
  run(args);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

newDatabase(0);
const base = template();
// How long each kind of write takes unkilled, so that kills land before, inside and after.
const singleMs = elapsed(['delegation', 'add', '--direction', 'outgoing', '--title', 'timing', '--country', 'SG', '--starts', '2026-03-02', '--ends', '2026-03-06']);
const importMs = elapsed(['import', importFile(base, 'timing')]);
console.log(`crash test: ${cycles} cycles; a single write takes ${singleMs.toFixed(0)} ms, an import of ${IMPORT_SIZE} ${importMs.toFixed(0)} ms`);

const acknowledged = { singles: 0, imports: 0 };
let killedInside = 0;
let lost = 0;
let halfApplied = 0;
let expected = new Map(); // title prefix -> 'single' | 'import' acknowledged in this database
for (let cycle = 1; cycle <= cycles; cycle++) {
  if ((cycle - 1) % CYCLES_PER_DATABASE === 0) {
    newDatabase(cycle);
    expected = new Map();
  }
  const isImport = cycle % 2 === 0;
  const args = isImport
    ? ['import', importFile(base, cycle)]
    : ['delegation', 'add', '--direction', 'incoming', '--title', `single-${cycle}`, '--country', 'LA', '--starts', '2026-04-01', '--ends', '2026-04-03'];
  const delay = Math.random() * 1.3 * (isImport ? importMs : singleMs);
  const { stdout, code } = await runKilled(args, delay);
  const printedSuccess = stdout.trim().length > 0;
  if (code === null) killedInside++;
  if (printedSuccess) {
    expected.set(isImport ? `import-${cycle}-` : `single-${cycle}`, isImport ? 'import' : 'single');
    if (isImport) acknowledged.imports++;
    else acknowledged.singles++;
  }

  const check = spawnSync(desk, ['--db', db, 'check'], { encoding: 'utf8' });
  if (check.status !== 0) {
    console.error(`cycle ${cycle}: desk check failed after a kill at ${delay.toFixed(0)} ms:\n${check.stdout}${check.stderr}`);
    process.exit(1);
  }
  const present = titles();
  for (const [prefix, kind] of expected) {
    const found = kind === 'import' ? present.filter((t) => t.startsWith(prefix)).length : present.filter((t) => t === prefix).length;
    const want = kind === 'import' ? IMPORT_SIZE : 1;
    if (found !== want) {
      lost++;
      console.error(`cycle ${cycle}: ${prefix} printed success but ${found} of ${want} records are there`);
    }
  }
  if (isImport) {
    const found = present.filter((t) => t.startsWith(`import-${cycle}-`)).length;
    if (found !== 0 && found !== IMPORT_SIZE) {
      halfApplied++;
      console.error(`cycle ${cycle}: an import killed at ${delay.toFixed(0)} ms left ${found} of ${IMPORT_SIZE} records`);
    }
  }
}
rmSync(dir, { recursive: true, force: true });
console.log(
  `crash test: ${cycles} cycles, ${killedInside} killed while running; acknowledged ${acknowledged.singles} single writes and ${acknowledged.imports} imports; ` +
    `lost acknowledged writes: ${lost}; half-applied imports: ${halfApplied}; desk check passed after every kill`,
);
process.exit(lost === 0 && halfApplied === 0 ? 0 : 1);
