/**
 * Finds a Chromium for the browser tests: the one `CHROME_PATH` names, else a
 * system install, else one that Playwright downloaded into its cache.
 */
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

/** Where operating systems and their packages put Chromium or Chrome. */
export const SYSTEM_CHROMIUMS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/** The executable inside one of Playwright's `chromium-*` cache folders, per platform. */
const PLAYWRIGHT_EXECUTABLES = [
  'chrome-linux64/chrome',
  'chrome-linux/chrome',
  'chrome-mac-arm64/Chromium.app/Contents/MacOS/Chromium',
  'chrome-mac/Chromium.app/Contents/MacOS/Chromium',
  'chrome-win64/chrome.exe',
  'chrome-win/chrome.exe',
];

/** Where a Chromium was found. */
export type ChromiumSource = 'CHROME_PATH' | 'system' | 'playwright';

/** A found browser, or why none could be used. */
export type ChromiumLookup = { ok: true; path: string; source: ChromiumSource } | { ok: false; reason: string };

/** What to tell a person whose machine has no Chromium. */
export const HOW_TO_GET_CHROMIUM =
  "The browser tests need Chromium. Install Debian's package (as root: apt-get update && apt-get install -y chromium), " +
  'or point CHROME_PATH at a Chromium or Chrome executable, or run `npx playwright-core install chromium`.';

/** Playwright's browser cache: `PLAYWRIGHT_BROWSERS_PATH`, else the per-user default. */
export function playwrightCacheDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const configured = env.PLAYWRIGHT_BROWSERS_PATH;
  if (configured && configured !== '0') return configured;
  if (platform === 'darwin') return path.join(homedir(), 'Library', 'Caches', 'ms-playwright');
  if (platform === 'win32') return path.join(env.LOCALAPPDATA ?? homedir(), 'ms-playwright');
  return path.join(env.XDG_CACHE_HOME ?? path.join(homedir(), '.cache'), 'ms-playwright');
}

/** Chromium executables in Playwright's cache, newest revision first. */
export function playwrightChromiums(cacheDir: string, exists: (file: string) => boolean = existsSync): string[] {
  let folders: string[];
  try {
    folders = readdirSync(cacheDir).filter((name) => /^chromium-\d+$/.test(name));
  } catch {
    return [];
  }
  folders.sort((a, b) => Number(b.slice(9)) - Number(a.slice(9)));
  return folders.flatMap((folder) => PLAYWRIGHT_EXECUTABLES.map((exe) => path.join(cacheDir, folder, exe))).filter(exists);
}

/**
 * Looks for Chromium in order: `CHROME_PATH`, the system, Playwright's cache.
 * A `CHROME_PATH` that names no file is an error, not a reason to look elsewhere:
 * the person set it on purpose.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env, exists: (file: string) => boolean = existsSync): ChromiumLookup {
  const chosen = env.CHROME_PATH;
  if (chosen) {
    return exists(chosen)
      ? { ok: true, path: chosen, source: 'CHROME_PATH' }
      : { ok: false, reason: `CHROME_PATH is set to ${chosen}, but no file is there. ${HOW_TO_GET_CHROMIUM}` };
  }
  const system = SYSTEM_CHROMIUMS.find((file) => exists(file));
  if (system) return { ok: true, path: system, source: 'system' };
  const cached = playwrightChromiums(playwrightCacheDir(env), exists)[0];
  if (cached) return { ok: true, path: cached, source: 'playwright' };
  return { ok: false, reason: `No Chromium found. ${HOW_TO_GET_CHROMIUM}` };
}

/** The Chromium path for a test, or an error that says how to get one: never a silent skip. */
export function requireChromium(env: NodeJS.ProcessEnv = process.env): string {
  const found = findChromium(env);
  if (!found.ok) throw new Error(found.reason);
  return found.path;
}

/**
 * Flags for a quiet, reproducible headless run: no sandbox (CI runs as root),
 * no GPU, and no background traffic that could reach the network.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
