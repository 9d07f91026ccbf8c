/**
 * The previous release, built from git in a temporary clone, so the cold jobs can be run side by
 * side with the same fixtures: `git clone` of this repository, `git checkout <commit>`, this
 * checkout's node_modules linked in (the older release's dependencies are a subset), `tsc` build.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PreviousBuild {
  readonly commit: string;
  /** The built CLI's entry point. */
  readonly cli: string;
  /** Removes the clone. */
  remove(): Promise<void>;
}

/**
 * Builds `commit` of the repository at `root`; throws with git's or tsc's output when it cannot.
 * `web` builds its editor page too (`npm run build:web`): `serve` refuses to start without it.
 */
export async function buildPrevious(root: string, commit: string, web = false): Promise<PreviousBuild> {
  const dir = await mkdtemp(join(tmpdir(), 'fkt-previous-'));
  const remove = () => rm(dir, { recursive: true, force: true });
  try {
    await run('git', ['clone', '--quiet', '--no-checkout', root, dir]);
    await run('git', ['-C', dir, 'checkout', '--quiet', commit]);
    await symlink(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
    await run(
      process.execPath,
      [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
      {
        cwd: dir,
      },
    );
    if (web)
      await run(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), 'src/web/build.ts'], {
        cwd: dir,
      });
    const cli = join(dir, 'dist/cli/main.js');
    if (!existsSync(cli)) throw new Error(`the build of ${commit} has no dist/cli/main.js`);
    return { commit, cli, remove };
  } catch (err) {
    await remove();
    throw err;
  }
}
