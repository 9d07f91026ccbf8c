/**
 * Launches Debian's Chromium through playwright-core for browser tests (no browser download:
 * `.ci/run` installs the `chromium` package). One place for the flags, the profile and the
 * font setup, shared by every browser test.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

/** Where Debian's package puts the browser. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Quiet, headless, no network side traffic, nothing kept between runs. */
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // The same pixels on every machine: no LCD subpixel text, one device scale.
  '--disable-lcd-text',
  '--force-device-scale-factor=1',
  '--font-render-hinting=none',
];

export interface LaunchOptions {
  /**
   * `'latin'`: the browser sees only Liberation Sans (the Latin fonts pdfjs-dist ships), through
   * a fontconfig of its own: a machine without any CJK font, the same on every machine, so
   * Chinese text can only draw in fonts a page brings itself. (With no font at all, Chromium
   * refuses every web font too: `document.fonts` reports `error`.) `'system'`: the machine's
   * fonts.
   */
  readonly fonts?: 'latin' | 'system';
}

/** The Latin-only font folder of `fonts: 'latin'`. */
function latinFontDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts');
}

/** A running browser and how to stop it (closes the browser, removes its profile). */
export interface LaunchedBrowser {
  /** The browser's one context, on the fresh profile; open pages with `context.newPage()`. */
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Starts Chromium with a fresh profile directory (playwright's persistent context is how it
 * takes a `--user-data-dir`), removed again by `close()`. With `fonts: 'latin'`,
 * `FONTCONFIG_FILE` points the browser process at a fontconfig of its own.
 */
export async function launchChromium(options: LaunchOptions = {}): Promise<LaunchedBrowser> {
  const dir = mkdtempSync(join(tmpdir(), 'fangkongtu-chromium-'));
  const profile = join(dir, 'profile');
  mkdirSync(profile);
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  if (options.fonts === 'latin') {
    const config = join(dir, 'fonts.conf');
    writeFileSync(
      config,
      '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n' +
        `<fontconfig><dir>${latinFontDir()}</dir><cachedir>${join(dir, 'fontcache')}</cachedir></fontconfig>\n`,
    );
    env.FONTCONFIG_FILE = config;
  }
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: ARGS,
    env,
    timeout: 60_000,
    viewport: { width: 1000, height: 1400 },
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
