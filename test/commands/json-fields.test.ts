import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bareRemote, describeWithGit, Machine } from '../helpers/git-remote.js';
import { run, tempHome } from '../helpers/io.js';

const BUNDLED = fileURLToPath(new URL('../../roadmap/go-backend.md', import.meta.url));

let home: { dir: string; cleanup: () => void };
beforeEach(() => {
  home = tempHome();
});
afterEach(() => {
  home.cleanup();
});

const TOPIC_TAIL = ['description', 'descriptionMarkdown', 'links', 'children', 'notes', 'url', 'order', 'icon', 'checked', 'attrs', 'group'];

/** Each read command's JSON fields, in the order `--json` lists them. A change here is a change of the contract. */
const FIELDS: Array<[string, string[], string[]]> = [
  ['list', [], ['id', 'number', 'title', 'status', 'section', 'parent', 'description', 'descriptionMarkdown', 'links', 'notes', 'url', 'order', 'icon', 'checked', 'attrs', 'group']],
  ['next', [], ['id', 'number', 'title', 'status', 'section', 'position', 'reason', 'why', ...TOPIC_TAIL]],
  ['show', ['1.1'], ['id', 'number', 'title', 'status', 'section', 'parents', 'position', 'line', ...TOPIC_TAIL, 'roadmap']],
  ['info', [], ['schemaVersion', 'roadmap', 'overview', 'counts', 'progress', 'store', 'warnings']],
  ['stats', [], ['schemaVersion', 'roadmap', 'section', 'at', 'progress', 'sections', 'weeks', 'streak', 'pace']],
  ['log', [], ['id', 'at', 'action', 'subject', 'changes', 'notesAdded', 'notesRemoved', 'undone', 'redone', 'imported', 'reverts', 'redoes']],
  ['validate', [BUNDLED], ['schemaVersion', 'file', 'usable', 'title', 'counts', 'sections', 'warnings', 'problems', 'structure']],
  ['doctor', [], ['schemaVersion', 'roadmap', 'orphans', 'moved']],
];
/** `sync status` needs a remote to answer (see below); its fields are pinned here all the same. */
const SYNC_STATUS: [string, string[], string[]] = [
  'sync status',
  [],
  ['schemaVersion', 'remote', 'branch', 'machine', 'autoSync', 'lastSync', 'reachable', 'fetchError', 'toSend', 'toReceive', 'remoteCommits'],
];

describe('--json field,field on every read command', () => {
  it.each([...FIELDS, SYNC_STATUS])('%s: an unknown field exits 2 and lists exactly the valid fields', async (command, args, fields) => {
    const r = await run([...command.split(' '), ...args, '--json', `${fields[0] ?? ''},nosuch`], { home: home.dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`error: unknown JSON field for ${command}: nosuch\n`);
    expect(r.stderr).toContain(`valid fields: ${fields.join(', ')}\n`);
  });

  it.each(FIELDS)('%s: every listed field can be asked for, and each object then has exactly those', async (command, args, fields) => {
    await run(['done', '1.1'], { home: home.dir });
    const r = await run([command, ...args, '--json', fields.join(',')], { home: home.dir });
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as Record<string, unknown> | Array<Record<string, unknown>>;
    const objects = Array.isArray(doc) ? doc : [doc];
    expect(objects.length).toBeGreaterThan(0);
    for (const o of objects) expect(Object.keys(o)).toEqual(fields);
  });

  it('list, next and show take --json title,status', async () => {
    await run(['start', '1.2'], { home: home.dir });
    const list = JSON.parse((await run(['list', '--json', 'title,status'], { home: home.dir })).stdout) as unknown[];
    expect(list).toHaveLength(53);
    expect(list.slice(0, 2)).toEqual([
      { title: 'Learn net/http package for handling HTTP requests', status: 'pending' },
      { title: 'Explore Web frameworks: Gin, Echo, Fiber', status: 'in-progress' },
    ]);
    expect(JSON.parse((await run(['next', '--json', 'title,status'], { home: home.dir })).stdout)).toEqual([{ title: 'Explore Web frameworks: Gin, Echo, Fiber', status: 'in-progress' }]);
    expect(JSON.parse((await run(['show', '1.2', '--json', 'title,status'], { home: home.dir })).stdout)).toEqual({ title: 'Explore Web frameworks: Gin, Echo, Fiber', status: 'in-progress' });
    // In the order asked; `--json=…` and spaces work too; a field asked twice is printed once.
    expect(Object.keys(JSON.parse((await run(['show', '1.2', '--json=status, title,status'], { home: home.dir })).stdout) as object)).toEqual(['status', 'title']);
  });

  it('a field the topic lacks is null, and notes are an empty list, so every object has the same keys', async () => {
    const r = JSON.parse((await run(['show', '1.1', '--json', 'url,notes,order'], { home: home.dir })).stdout) as unknown;
    expect(r).toEqual({ url: null, notes: [], order: null });
  });

  it('a bare --json keeps the full documents', async () => {
    const list = JSON.parse((await run(['list', '--json'], { home: home.dir })).stdout) as Record<string, unknown>;
    expect(Object.keys(list)).toEqual(['schemaVersion', 'roadmap', 'progress', 'sections']);
    const show = JSON.parse((await run(['show', '1.1', '--json'], { home: home.dir })).stdout) as Record<string, unknown>;
    expect(Object.keys(show)).toEqual(['id', 'number', 'title', 'status', 'children', 'links', 'description', 'descriptionMarkdown', 'section', 'parents', 'position', 'line', 'roadmap']);
    const log = JSON.parse((await run(['log', '--json'], { home: home.dir })).stdout) as Record<string, unknown>;
    expect(Object.keys(log)).toEqual(['schemaVersion', 'roadmap', 'total', 'events']);
  });

  it('show --json 2.2 and validate --json file still mean the topic and the file', async () => {
    const show = await run(['show', '--json', '2.2'], { home: home.dir });
    expect(show.code, show.stderr).toBe(0);
    expect(JSON.parse(show.stdout)).toMatchObject({ number: '2.2', section: { number: '2' } });
    const validate = await run(['validate', '--json', BUNDLED], { home: home.dir });
    expect(validate.code, validate.stderr).toBe(0);
    expect(JSON.parse(validate.stdout)).toMatchObject({ usable: true, counts: { sections: 10, topics: 53 } });
    const missing = await run(['validate', '--json'], { home: home.dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("missing required argument 'file'");
  });

  it('an empty field list is a usage error too', async () => {
    const r = await run(['next', '--json', ','], { home: home.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--json was given an empty list of fields');
  });
});

describeWithGit('--json fields of sync status, with a real remote', () => {
  it('prints only the fields asked', async () => {
    const remote = bareRemote(join(home.dir, 'learning.git'), home.dir);
    const laptop = new Machine(join(home.dir, 'laptop'));
    await laptop.ok(['sync', 'init', remote]);
    await laptop.ok(['start', '1.2']);
    const r = await laptop.ok(['sync', 'status', '--json', SYNC_STATUS[2].join(',')]);
    expect(Object.keys(JSON.parse(r.stdout) as object)).toEqual(SYNC_STATUS[2]);
    expect(JSON.parse((await laptop.ok(['sync', 'status', '--json', 'reachable,toSend'])).stdout)).toMatchObject({ reachable: true, toSend: { started: 1 } });
  });
});
