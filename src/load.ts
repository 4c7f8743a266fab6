import { realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context } from './context.js';
import { shortHash, slugify } from './core/slug.js';
import type { StructureChoice } from './core/structure.js';
import type { Roadmap } from './core/types.js';
import { InputError } from './errors.js';
import { parseCached } from './parse-cached.js';
import { readFileLimited, readStreamLimited } from './read-limited.js';

/** A parsed roadmap with what identifies it in the store. */
export interface LoadedRoadmap {
  roadmap: Roadmap;
  /** Key of its progress in the store. */
  id: string;
  /** The file it came from, or "-" for standard input. */
  source: string;
  bundled: boolean;
}

export const BUNDLED_ID = 'go-backend';

/** The bundled roadmap's path, found beside the built code (dist/) or the sources (src/). */
export function bundledRoadmapPath(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return join(here, '..', 'roadmap', 'go-backend.md');
}

/** How to read the roadmap beyond its bytes: a structure the user states, and whether to explain the reading. */
export interface ReadingOptions {
  structure?: StructureChoice;
  explain?: boolean;
}

/** Reads and parses the roadmap the user chose (`--roadmap FILE`, `-` for stdin) or the bundled one. */
export async function loadRoadmap(ctx: Context, choice: string | undefined, reading: ReadingOptions = {}): Promise<LoadedRoadmap> {
  if (choice === undefined) {
    const path = bundledRoadmapPath();
    const roadmap = await parseCached(ctx, readBytes(path), { source: path, shown: path, fallbackTitle: 'Go Backend Development Roadmap', ...reading });
    return { roadmap, id: BUNDLED_ID, source: path, bundled: true };
  }
  if (choice === '-') {
    if (ctx.io.stdin.isTTY) {
      throw new InputError('--roadmap - reads a roadmap from standard input, but standard input is a terminal', 'pipe a file in: cat roadmap.md | roadmap list --roadmap -');
    }
    const bytes = await readStreamLimited(ctx.io.stdin, 'standard input');
    const roadmap = await parseCached(ctx, bytes, { source: '-', shown: 'standard input', fallbackTitle: 'Roadmap from standard input', ...reading });
    return { roadmap, id: `stdin-${slugify(roadmap.title) || shortHash(roadmap.title)}`, source: '-', bundled: false };
  }
  const path = resolve(ctx.cwd, choice);
  const bytes = readBytes(path, choice);
  const name = basename(path).replace(/\.(md|markdown|mdx|txt)$/i, '');
  const roadmap = await parseCached(ctx, bytes, { source: path, shown: choice, fallbackTitle: name, ...reading });
  let real = path;
  try {
    real = realpathSync(path);
  } catch {
    // The file was just read; keep the resolved path if it cannot be canonicalised.
  }
  return { roadmap, id: `${slugify(name) || 'roadmap'}-${shortHash(real)}`, source: path, bundled: false };
}

function readBytes(path: string, shown = path): Uint8Array {
  try {
    if (statSync(path).isDirectory()) throw new InputError(`${shown} is a folder, not a Markdown file`, 'pass the path of a .md file');
    return readFileLimited(path, shown);
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`cannot read ${shown}: no such file`, 'check the path given to --roadmap');
    if (code === 'EACCES') throw new InputError(`cannot read ${shown}: permission denied`, 'check the file permissions');
    throw new InputError(`cannot read ${shown}: ${(error as Error).message}`);
  }
}
