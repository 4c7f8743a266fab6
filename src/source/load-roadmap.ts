import { realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RoadmapInputError } from '../core/errors.js';
import { slugify } from '../core/parse/slug.js';
import { shortHash } from '../core/text/hash.js';
import type { Roadmap } from '../core/types.js';
import { SourceError } from './errors.js';
import { parseCached, type SlowParseNotice } from './parse-cache.js';
import { readFileLimited, readStreamLimited } from './read-capped.js';

/** A parsed roadmap with what identifies it in the store. */
export interface LoadedRoadmap {
  roadmap: Roadmap;
  /** Key of its progress in the store. */
  id: string;
  /** The file it came from, or "-" for standard input. */
  source: string;
  bundled: boolean;
}

/** Where a roadmap is read from and where its parse is cached: the parts of the CLI's context this layer uses. */
export interface SourceOptions {
  cwd: string;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  /** The tool's cache folder (the parse cache lives in its `parsed/` folder). */
  cacheDir: string;
  onSlowParse?: SlowParseNotice;
}

export const BUNDLED_ID = 'go-backend';

/** The bundled roadmap's path, found beside the built code (dist/) or the sources (src/source/). */
export function bundledRoadmapPath(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  // Built, every module is in dist/; from the sources this file is two folders below the package.
  const up = basename(here) === 'source' ? join(here, '..', '..') : join(here, '..');
  return join(up, 'roadmap', 'go-backend.md');
}

/** Reads and parses the roadmap the user chose (`--roadmap FILE`, `-` for stdin) or the bundled one. */
export async function loadRoadmap(options: SourceOptions, choice: string | undefined): Promise<LoadedRoadmap> {
  const parse = (bytes: Uint8Array, source: string, shown: string, fallbackTitle: string): Promise<Roadmap> =>
    parseCached(options.cacheDir, bytes, { source, shown, fallbackTitle }, options.onSlowParse);
  if (choice === undefined) {
    const path = bundledRoadmapPath();
    const roadmap = await parse(readBytes(path), path, path, 'Go Backend Development Roadmap');
    return { roadmap, id: BUNDLED_ID, source: path, bundled: true };
  }
  if (choice === '-') {
    if (options.stdin.isTTY) {
      throw new SourceError('--roadmap - reads a roadmap from standard input, but standard input is a terminal', 'pipe a file in: cat roadmap.md | roadmap list --roadmap -');
    }
    const bytes = await readStreamLimited(options.stdin, 'standard input');
    const roadmap = await parse(bytes, '-', 'standard input', 'Roadmap from standard input');
    return { roadmap, id: `stdin-${slugify(roadmap.title) || shortHash(roadmap.title)}`, source: '-', bundled: false };
  }
  const path = resolve(options.cwd, choice);
  const bytes = readBytes(path, choice);
  const name = basename(path).replace(/\.(md|markdown|mdx|txt)$/i, '');
  const roadmap = await parse(bytes, path, choice, name);
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
    if (statSync(path).isDirectory()) throw new SourceError(`${shown} is a folder, not a Markdown file`, 'pass the path of a .md file');
    return readFileLimited(path, shown);
  } catch (error) {
    if (error instanceof SourceError || error instanceof RoadmapInputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new SourceError(`cannot read ${shown}: no such file`, 'check the path given to --roadmap');
    if (code === 'EACCES') throw new SourceError(`cannot read ${shown}: permission denied`, 'check the file permissions');
    throw new SourceError(`cannot read ${shown}: ${(error as Error).message}`);
  }
}
