import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnBin } from '../helpers/bin.js';
import { tempHome } from '../helpers/io.js';

const ROADMAP = `# Rust Roadmap

## Basics
- Install rustup and cargo
- Ownership and borrowing
- Pattern matching

## Async
- Futures and async/await
- Tokio runtime
`;

let home: { dir: string; cleanup: () => void };
let file: string;
const bin = (args: string[]) => spawnBin([...args, '--roadmap', file], { home: home.dir });
beforeEach(() => {
  home = tempHome();
  file = join(home.dir, 'rust.md');
  writeFileSync(file, ROADMAP);
});
afterEach(() => {
  home.cleanup();
});

describe('a topic renamed in the roadmap file (built bin)', () => {
  it('warns once, doctor lists the orphan with the renamed topic, --fix moves it and says so', async () => {
    await bin(['done', 'ownership', 'tokio']);
    await bin(['note', 'ownership', 'the borrow checker is a friend']);
    writeFileSync(file, ROADMAP.replace('Ownership and borrowing', 'Ownership, borrowing and lifetimes').replace('Tokio runtime', 'Runtimes'));

    const list = await bin(['list']);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('0/5 done');
    expect(list.stderr).toBe(`warning: your progress includes 2 topics that are no longer in this roadmap (was the file edited?); run \`roadmap doctor --roadmap ${file}\` to see and move it\n`);

    const doctor = await bin(['doctor']);
    expect(doctor.code).toBe(0);
    expect(doctor.stderr).toBe('');
    expect(doctor.stdout).toContain('basics/ownership-and-borrowing  (done, 1 note)');
    expect(doctor.stdout).toMatch(/-> {2}1\.2 Ownership, borrowing and lifetimes \(similarity 0\.\d\d\)/);
    expect(doctor.stdout).toContain('async/tokio-runtime  (done)');
    expect(doctor.stdout).toContain(`Run \`roadmap doctor --fix --roadmap ${file}\` to move 1 of them`);

    const fix = await bin(['doctor', '--fix']);
    expect(fix.code).toBe(0);
    expect(fix.stdout.split('\n')[0]).toBe('Moved basics/ownership-and-borrowing (done, 1 note) -> 1.2 Ownership, borrowing and lifetimes');
    expect(fix.stdout).toContain('1 stored topic is no longer in this roadmap');

    const show = JSON.parse((await bin(['show', '1.2', '--json'])).stdout) as { status: string; notes: Array<{ text: string }> };
    expect(show.status).toBe('done');
    expect(show.notes.map((n) => n.text)).toEqual(['the borrow checker is a friend']);
    const after = await bin(['list']);
    expect(after.stdout).toContain('1/5 done');
    expect(after.stderr).toContain('1 topic that is no longer in this roadmap');
  });
});
