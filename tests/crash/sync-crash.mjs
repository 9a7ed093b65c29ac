// Sync killed at random moments (issue #16): `desk sync` on the receiving laptop and on the
// sending office desktop is killed with SIGKILL after random delays. After each kill the
// database must pass `desk check`; once a sync is left to finish, the two databases must
// hold the same records: nothing lost, nothing applied twice.
// Usage: node sync-crash.mjs DESK_BINARY CYCLES
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [desk, cyclesArg] = process.argv.slice(2);
const cycles = Number(cyclesArg ?? 10);
const dir = mkdtempSync(join(tmpdir(), 'desk-sync-crash-'));
const folder = join(dir, 'shared');
spawnSync('mkdir', ['-p', folder]);
const passphrase = join(dir, 'passphrase');
writeFileSync(passphrase, 'crash test passphrase\n');
const office = join(dir, 'office.sqlite');
const laptop = join(dir, 'laptop.sqlite');
const syncArgs = ['sync', '--folder', folder, '--passphrase-file', passphrase];

function run(db, args) {
  const result = spawnSync(desk, ['--db', db, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (result.status !== 0) throw new Error(`desk ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

function runKilled(db, args, delay) {
  return new Promise((resolve) => {
    const child = spawn(desk, ['--db', db, ...args]);
    let exited = null;
    child.stdout.on('data', () => {});
    child.stderr.on('data', () => {});
    const timer = setTimeout(() => child.kill('SIGKILL'), delay);
    child.on('exit', (code) => {
      clearTimeout(timer);
      exited = code;
    });
    child.on('close', () => resolve(exited));
  });
}

function elapsed(db, args) {
  const started = process.hrtime.bigint();
  run(db, args);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** What a person sees: every delegation as listed, each shown whole. */
function records(db) {
  const list = JSON.parse(run(db, ['--json', 'delegation', 'list']));
  return JSON.stringify(list.map((d) => JSON.parse(run(db, ['--json', 'delegation', 'show', d.id]))));
}

function check(db, when) {
  const result = spawnSync(desk, ['--db', db, 'check'], { encoding: 'utf8' });
  if (result.status !== 0) {
    console.error(`${when}: desk check failed:\n${result.stdout}${result.stderr}`);
    process.exit(1);
  }
}

run(office, ['demo']);
run(office, syncArgs);
run(laptop, ['init']);
const joinMs = elapsed(laptop, syncArgs);
const ids = JSON.parse(run(office, ['--json', 'delegation', 'list'])).map((d) => d.id);

let killedInside = 0;
for (let cycle = 1; cycle <= cycles; cycle++) {
  // A few changes on each side, to different delegations and fields.
  for (let k = 0; k < 5; k++) {
    const id = ids[(cycle * 5 + k) % ids.length];
    run(office, ['delegation', 'edit', id, '--notes', `office ${cycle}.${k}`]);
    run(laptop, ['delegation', 'edit', id, '--purpose', `laptop ${cycle}.${k}`]);
  }
  // The office's sync (it writes files) and the laptop's (it applies them) are killed.
  for (const db of [office, laptop]) {
    const delay = Math.random() * 1.3 * joinMs;
    const code = await runKilled(db, syncArgs, delay);
    if (code === null) killedInside++;
    check(db, `cycle ${cycle}, after killing the sync of ${db}`);
  }
}
// Left to finish, in turn, the two end equal.
for (const db of [office, laptop, office]) run(db, syncArgs);
const same = records(office) === records(laptop);
const conflicts = JSON.parse(run(laptop, ['--json', 'conflicts']));
console.log(
  `sync crash test: ${cycles} cycles, ${killedInside} syncs killed while running; ` +
    `records equal after a finished sync: ${same}; conflicts: ${conflicts.length}`,
);
if (!same) {
  console.error('the office and the laptop differ after a finished sync');
  process.exit(1);
}
if (conflicts.length !== 0) {
  console.error(`changes to different fields made conflicts: ${JSON.stringify(conflicts)}`);
  process.exit(1);
}
