import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  EDITOR_ASSETS,
  editorRoutes,
  type RunningServer,
  renderRoutes,
  startServer,
} from '../../server/index.js';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { serveRenderer } from '../serve-renderer.js';

/** The port tried first when none is given; the next ones are tried while it is taken. */
export const DEFAULT_PORT = 5730;
/** How many ports after the default are tried. */
const PORT_TRIES = 20;

/** Options of `fangkongtu serve`. */
export interface ServeFlags {
  port?: string;
  open?: boolean;
}

function portOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(
      `--port ${text}: 端口应为 0–65535 的整数 / the port must be a whole number from 0 to 65535`,
    );
  }
  return port;
}

/** Starts on `port`, or, when none was asked for, on the first free one from {@link DEFAULT_PORT}. */
async function listen(dir: string, asked: number | undefined, assets: string): Promise<RunningServer> {
  const routes = await editorRoutes(assets, renderRoutes(serveRenderer()));
  const ports =
    asked === undefined ? Array.from({ length: PORT_TRIES }, (_, i) => DEFAULT_PORT + i) : [asked];
  for (const port of ports) {
    try {
      return await startServer({ dir, port, routes });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    }
  }
  throw new UsageError(
    asked === undefined
      ? `端口 ${DEFAULT_PORT}–${DEFAULT_PORT + PORT_TRIES - 1} 都被占用，请用 --port 指定 / ports ${DEFAULT_PORT}–${DEFAULT_PORT + PORT_TRIES - 1} are all taken; choose one with --port`
      : `端口 ${asked} 已被占用 / port ${asked} is taken`,
  );
}

/**
 * `fangkongtu serve [dir] [--port N] [--open]`: the editor for the chart files in `dir`, at
 * http://127.0.0.1:PORT/ until Ctrl-C.
 */
export async function serveCommand(dir: string | undefined, flags: ServeFlags, io: Io): Promise<number> {
  const folder = resolve(io.cwd, dir ?? '.');
  const assets = fileURLToPath(EDITOR_ASSETS);
  await access(resolve(assets, 'editor.js')).catch(() => {
    throw new UsageError(
      `编辑器页面还没有生成，请先运行 npm run build / the editor page is not built (${assets}): run npm run build`,
    );
  });
  let server: RunningServer;
  try {
    server = await listen(folder, portOf(flags.port), assets);
  } catch (error) {
    if ((error as Error).message.startsWith('not a folder')) {
      throw new UsageError(`${folder}: 不是文件夹 / not a folder`);
    }
    throw error;
  }
  io.out(`防控图编辑器 / chart editor: ${server.url}`);
  io.out(`文件夹 / folder: ${folder}`);
  io.out('按 Ctrl+C 停止 / press Ctrl+C to stop');
  if (flags.open) {
    const { default: open } = await import('open');
    await open(server.url).catch(() =>
      io.err(`无法自动打开浏览器，请手动打开上面的地址 / could not open a browser: open the address above`),
    );
  }
  await io.interrupted();
  await server.close();
  return 0;
}
