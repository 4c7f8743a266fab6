import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn as spawnPty } from 'node-pty';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, spawnBin } from '../helpers/bin.js';

/**
 * Shell completion as a shell runs it: the script `roadmap completion <shell>` prints is loaded into a real bash
 * (COMPREPLY read back), a real fish (its own `complete -C`) and an interactive zsh in a pseudo-terminal (Tab
 * pressed, the list read off the screen). `roadmap` on their PATH is a two-line shim that runs the built bin.
 */

let dir: string;
let home: string;
let env: NodeJS.ProcessEnv;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'roadmap-completion-'));
  home = join(dir, 'home');
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'roadmap'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(join(bin, 'roadmap'), 0o755);
  env = { PATH: `${bin}:${process.env.PATH ?? ''}`, HOME: dir, ROADMAP_HOME: home, TERM: 'xterm' };
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function script(shell: string): string {
  const path = join(dir, `roadmap.${shell}`);
  writeFileSync(path, execFileSync(process.execPath, [BIN, 'completion', shell], { env, encoding: 'utf8' }));
  return path;
}

/** COMPREPLY after the completion function ran on `line` (the cursor at its end), as bash's Tab would run it. */
function bashComplete(line: string): string[] {
  const words = line.split(' ');
  const program = [
    `source ${JSON.stringify(script('bash'))}`,
    `COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')})`,
    `COMP_CWORD=${words.length - 1}`,
    `COMP_LINE='${line}'`,
    'COMP_POINT=${#COMP_LINE}',
    '_roadmap_complete',
    'printf "%s\\n" "${COMPREPLY[@]}"',
  ].join('\n');
  const r = spawnSync('bash', ['--norc', '--noprofile', '-c', program], { env, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.split('\n').filter(Boolean);
}

const cacheFiles = (): string[] => {
  const folder = join(home, 'cache', 'parsed');
  return existsSync(folder) ? readdirSync(folder) : [];
};

describe('bash', () => {
  it('before the roadmap was ever read: commands and flags complete, topics do not, and nothing is parsed', () => {
    expect(bashComplete('roadmap do')).toEqual(['done', 'doctor']);
    expect(bashComplete('roadmap done --y')).toEqual(['--yes']);
    expect(bashComplete('roadmap done 3.')).toEqual([]);
    // Completion only reads the parse cache: it never parsed the roadmap, so it wrote no cache entry.
    expect(cacheFiles()).toEqual([]);
  });

  it('after any command read it: section and topic numbers and title words, from the parse cache', async () => {
    expect((await spawnBin(['list'], { home })).code).toBe(0);
    expect(cacheFiles()).toHaveLength(1);
    expect(bashComplete('roadmap do')).toEqual(['done', 'doctor']);
    expect(bashComplete('roadmap done 3.')).toEqual(['3.1', '3.2', '3.3', '3.4', '3.5']);
    expect(bashComplete('roadmap done gor')).toEqual(['gorm', 'goroutines']);
    expect(bashComplete('roadmap list --section 1')).toEqual(['1', '10']);
    expect(bashComplete('roadmap completion z')).toEqual(['zsh']);
  });

  it('file names where a file is expected', () => {
    writeFileSync(join(dir, 'my-roadmap.md'), '# Mine\n');
    expect(bashComplete(`roadmap --roadmap ${join(dir, 'my-r')}`)).toEqual([join(dir, 'my-roadmap.md')]);
  });
});

/** The absolute path of a program on PATH, or undefined. */
function which(program: string): string | undefined {
  const r = spawnSync('sh', ['-c', `command -v ${program}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/**
 * zsh and fish are not part of every machine: without them their tests are skipped with one line saying so, unless
 * ROADMAP_REQUIRE_SHARED=1 (.ci/run, which installs them) asks for a failure instead.
 */
function describeWithShell(shell: string, body: () => void): void {
  if (which(shell)) {
    describe(shell, body);
    return;
  }
  if (process.env.ROADMAP_REQUIRE_SHARED === '1') {
    describe(shell, () => {
      it(`${shell} is installed`, () => {
        throw new Error(`${shell} is not installed: .ci/run installs it (apt-get install -y ${shell})`);
      });
    });
    return;
  }
  console.log(`skipping the ${shell} completion tests: ${shell} is not installed (apt-get install -y ${shell})`);
  describe.skip(shell, body);
}

describeWithShell('fish', () => {
  const fishComplete = (line: string): string[] => {
    const r = spawnSync('fish', ['--no-config', '-c', `source ${script('fish')}; complete -C '${line}'`], { env, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    return r.stdout.split('\n').filter(Boolean).map((l) => l.split('\t')[0] ?? '');
  };

  it('completes commands, numbers and title words', async () => {
    expect((await spawnBin(['list'], { home })).code).toBe(0);
    expect(fishComplete('roadmap do').sort()).toEqual(['doctor', 'done']);
    expect(fishComplete('roadmap done 3.')).toEqual(['3.1', '3.2', '3.3', '3.4', '3.5']);
    expect(fishComplete('roadmap done gor')).toEqual(['gorm', 'goroutines']);
  });
});

describeWithShell('zsh', () => {
  it('Tab in an interactive zsh lists the candidates', async () => {
    expect((await spawnBin(['list'], { home })).code).toBe(0);
    const pty = spawnPty('zsh', ['-f'], { name: 'xterm', cols: 100, rows: 30, cwd: dir, env });
    let screen = '';
    pty.onData((d) => {
      // eslint-disable-next-line no-control-regex
      screen += d.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
    });
    const waitFor = async (pattern: RegExp, from: number): Promise<string> => {
      for (let i = 0; i < 400; i++) {
        const seen = screen.slice(from);
        if (pattern.test(seen)) return seen;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error(`timed out waiting for ${String(pattern)}; screen:\n${screen.slice(from)}`);
    };
    try {
      pty.write(`autoload -U compinit; compinit -u; eval "$(roadmap completion zsh)"; echo loaded-$((6*7))\r`);
      await waitFor(/loaded-42/, 0);
      let mark = screen.length;
      pty.write('roadmap done gor\t');
      expect(await waitFor(/gorm +goroutines/, mark)).toMatch(/gorm +goroutines/);
      pty.write('\u0015'); // Ctrl+U: clear the line
      mark = screen.length;
      pty.write('roadmap done 3.\t');
      expect(await waitFor(/3\.1 +3\.2 +3\.3 +3\.4 +3\.5/, mark)).toMatch(/3\.1 +3\.2 +3\.3 +3\.4 +3\.5/);
    } finally {
      pty.kill();
    }
  });
});
