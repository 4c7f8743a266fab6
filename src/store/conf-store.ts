import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import { emptyData, parseStored, stateOf, withState, type ProgressState, type ProgressStore, type StoredData } from './progress-store.js';

const FILE_NAME = 'progress';

/**
 * Progress in a JSON file written by conf (atomic writes). Reads parse the file directly so that read-only
 * commands do not pay for loading conf. Every change goes through `write`, one read-modify-write of the whole file.
 */
export class ConfStore implements ProgressStore {
  readonly location: string;

  constructor(private readonly dir: string) {
    this.location = join(dir, `${FILE_NAME}.json`);
  }

  read(roadmapId: string): ProgressState {
    return stateOf(this.readAll(), roadmapId);
  }

  async update<T>(roadmapId: string, change: (state: ProgressState) => T): Promise<T> {
    return this.write((data) => {
      const state = stateOf(data, roadmapId);
      const result = change(state);
      return { data: withState(data, roadmapId, state), result };
    });
  }

  /** The single read-modify-write: reads the file fresh, lets `mutator` produce the new content, saves it. */
  private async write<T>(mutator: (data: StoredData) => { data: StoredData; result: T }): Promise<T> {
    const { default: Conf } = await import('conf');
    const { data, result } = mutator(this.readAll());
    const conf = new Conf<StoredData>({
      cwd: this.dir,
      configName: FILE_NAME,
      projectName: 'roadmap',
      accessPropertiesByDotNotation: false,
      watch: false,
    });
    conf.store = data;
    return result;
  }

  private readAll(): StoredData {
    let text: string;
    try {
      text = readFileSync(this.location, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyData();
      throw new InputError(`cannot read the progress file ${this.location}: ${(error as Error).message}`);
    }
    if (text.startsWith('\uFEFF')) text = text.slice(1);
    if (text.trim() === '') return emptyData();
    try {
      return parseStored(JSON.parse(text));
    } catch {
      throw new InputError(
        `the progress file ${this.location} is not valid JSON`,
        'it was left as it is; move it aside (or fix it) and run the command again',
      );
    }
  }
}
