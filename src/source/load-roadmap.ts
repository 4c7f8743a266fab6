import { realpathSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { RoadmapInputError } from '../core/errors.js';
import { slugify } from '../core/parse/slug.js';
import { shortHash } from '../core/text/hash.js';
import type { StructureChoice } from '../core/parse/structure/structure.js';
import type { Roadmap } from '../core/types.js';
import { SourceError } from './errors.js';
import { contentHash, parseCached, type SlowParseNotice } from './parse-cache.js';
import { readFileLimited, readStreamLimited } from './read-capped.js';

export { contentHash } from './parse-cache.js';

/** A parsed roadmap with what identifies it in the store. */
export interface LoadedRoadmap {
  roadmap: Roadmap;
  /** Key of its progress in the store. */
  id: string;
  /** The file it came from, or "-" for standard input. */
  source: string;
  bundled: boolean;
  /** Hash of the bytes read (contentHash), so a moved file can be recognised by its content. */
  hash: string;
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
  // import.meta.dirname: from a path, with no URL to make (the build turns it into CommonJS's __dirname).
  const here = import.meta.dirname;
  // Built, every module is in dist/; from the sources this file is two folders below the package.
  const up = basename(here) === 'source' ? join(here, '..', '..') : join(here, '..');
  return join(up, 'roadmap', 'go-backend.md');
}

/** How to read the roadmap beyond its bytes: a structure the user states, and whether to explain the reading. */
export interface ReadingOptions {
  structure?: StructureChoice;
  explain?: boolean;
}

/** Parses roadmap bytes through the parse cache; `source` names the cache entry (a path, "-"). */
export function parseRoadmapBytes(options: SourceOptions, bytes: Uint8Array, source: string, shown: string, fallbackTitle: string, reading: ReadingOptions = {}): Promise<Roadmap> {
  return parseCached(options.cacheDir, bytes, { source, shown, fallbackTitle, ...reading }, options.onSlowParse);
}

export const BUNDLED_TITLE = 'Go Backend Development Roadmap';

/** The title a roadmap file gets when it has none: its name without the Markdown extension. */
export function fallbackTitleOf(path: string): string {
  return basename(path).replace(/\.(md|markdown|mdx|txt)$/i, '');
}

/** The store key of a roadmap file that is not on the shelf: its name and a hash of its real path (as before the shelf). */
export function fileRoadmapId(path: string): string {
  let real = path;
  try {
    real = realpathSync(path);
  } catch {
    // The file was just read; keep the resolved path if it cannot be canonicalised.
  }
  return `${slugify(fallbackTitleOf(path)) || 'roadmap'}-${shortHash(real)}`;
}

/** Reads standard input for a roadmap, refusing a terminal. */
export async function readStdinRoadmap(options: SourceOptions, flag = '--roadmap -', example = 'roadmap list --roadmap -'): Promise<Uint8Array> {
  if (options.stdin.isTTY) throw new SourceError(`${flag} reads a roadmap from standard input, but standard input is a terminal`, `pipe a file in: cat roadmap.md | ${example}`);
  return readStreamLimited(options.stdin, 'standard input');
}

/** The store key of a roadmap read from standard input: its title and the hash of its content, so two never share one. */
export function stdinRoadmapId(roadmap: Roadmap, bytes: Uint8Array): string {
  return `stdin-${slugify(roadmap.title).slice(0, 40) || 'roadmap'}-${contentHash(bytes).slice(0, 12)}`;
}

/** Reads and parses the roadmap the user chose (`--roadmap FILE`, `-` for stdin) or the bundled one. */
export async function loadRoadmap(options: SourceOptions, choice: string | undefined, reading: ReadingOptions = {}): Promise<LoadedRoadmap> {
  if (choice === undefined) {
    const path = bundledRoadmapPath();
    const bytes = readRoadmapBytes(path);
    const roadmap = await parseRoadmapBytes(options, bytes, path, path, BUNDLED_TITLE, reading);
    return { roadmap, id: BUNDLED_ID, source: path, bundled: true, hash: contentHash(bytes) };
  }
  if (choice === '-') {
    const bytes = await readStdinRoadmap(options);
    const roadmap = await parseRoadmapBytes(options, bytes, '-', 'standard input', 'Roadmap from standard input', reading);
    return { roadmap, id: stdinRoadmapId(roadmap, bytes), source: '-', bundled: false, hash: contentHash(bytes) };
  }
  const path = resolve(options.cwd, choice);
  const bytes = readRoadmapBytes(path, choice);
  const roadmap = await parseRoadmapBytes(options, bytes, path, choice, fallbackTitleOf(path), reading);
  return { roadmap, id: fileRoadmapId(path), source: path, bundled: false, hash: contentHash(bytes) };
}

/** A roadmap file's bytes, within the size limit, or a SourceError that says why not. */
export function readRoadmapBytes(path: string, shown = path, missingHint = 'check the path given to --roadmap'): Uint8Array {
  try {
    if (statSync(path).isDirectory()) throw new SourceError(`${shown} is a folder, not a Markdown file`, 'pass the path of a .md file');
    return readFileLimited(path, shown);
  } catch (error) {
    if (error instanceof SourceError || error instanceof RoadmapInputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new SourceError(`cannot read ${shown}: no such file`, missingHint);
    if (code === 'EACCES') throw new SourceError(`cannot read ${shown}: permission denied`, 'check the file permissions');
    throw new SourceError(`cannot read ${shown}: ${(error as Error).message}`);
  }
}
