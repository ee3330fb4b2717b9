// A private folder for the temporary files of one load (converted copies of files in other encodings):
// made with mkdtemp (mode 0700, a name nobody can predict) under the project's .istsoll/ folder, files
// inside created exclusively, the whole folder removed when the load ends, however it ends.
import { rmSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';

export class TempFiles {
  #dir: Promise<string> | null = null;
  #count = 0;
  readonly #remove = () => this.#path && rmSync(this.#path, { recursive: true, force: true });
  #path: string | null = null;

  constructor(private readonly parent: string) {}

  /** A new file name inside the private folder (the folder is made on first use). */
  async file(stem: string): Promise<string> {
    this.#dir ??= this.#create();
    return join(await this.#dir, `${++this.#count}-${stem.replace(/[^A-Za-z0-9._-]/g, '_')}`);
  }

  async remove(): Promise<void> {
    const dir = this.#path;
    process.off('exit', this.#remove);
    this.#dir = null;
    this.#path = null;
    if (dir) await rm(dir, { recursive: true, force: true });
  }

  async #create(): Promise<string> {
    await mkdir(this.parent, { recursive: true });
    const dir = await mkdtemp(join(this.parent, 'tmp-'));
    this.#path = dir;
    process.on('exit', this.#remove);
    return dir;
  }
}
