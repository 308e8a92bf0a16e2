// The one place that finds a Chromium for the browser tests. Debian's is used when it is installed (CI installs it);
// otherwise the headless shell that the npm package @sparticuz/chromium ships inside its tarball, inflated once into
// node_modules/.cache. Nothing is downloaded: `npm ci` already brought the binary, its NSS libraries and a font.
import { constants, createReadStream, createWriteStream } from 'node:fs';
import { access, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { extract } from 'tar-fs';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/**
 * Flags for a headless run as root on a machine whose only network is loopback: without the background-networking
 * ones Chromium keeps trying to reach Google's hosts.
 */
const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface ChromiumInstall {
  readonly kind: 'system' | 'bundled';
  readonly executablePath: string;
  /** Extra environment the binary needs (the bundled one: its own libraries and fonts). */
  readonly env: Readonly<Record<string, string>>;
}

const ROOT = path.resolve(import.meta.dirname, '..', '..');

async function isExecutable(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Debian's Chromium when `systemPath` is an executable, else the npm package's. */
export async function findChromium(systemPath: string = SYSTEM_CHROMIUM): Promise<ChromiumInstall> {
  if (await isExecutable(systemPath)) return { kind: 'system', executablePath: systemPath, env: {} };
  return bundledChromium();
}

/**
 * The package's headless shell, inflated into node_modules/.cache/thidua-chromium/<version>/. Test workers may race
 * here, so each inflates into its own staging folder and renames it into place; the loser drops its copy.
 */
export async function bundledChromium(): Promise<ChromiumInstall> {
  const entry = createRequire(import.meta.url).resolve('@sparticuz/chromium');
  const packageDir = path.resolve(path.dirname(entry), '..');
  const { version } = JSON.parse(await readFile(path.join(packageDir, 'package.json'), 'utf8')) as { version: string };
  const target = path.join(ROOT, 'node_modules', '.cache', 'thidua-chromium', version);
  const install: ChromiumInstall = {
    kind: 'bundled',
    executablePath: path.join(target, 'chromium'),
    env: { LD_LIBRARY_PATH: path.join(target, 'lib'), FONTCONFIG_PATH: path.join(target, 'fonts') },
  };
  if (await isExecutable(install.executablePath)) return install;

  const staging = `${target}.${process.pid}.${Date.now()}`;
  const bin = path.join(packageDir, 'bin');
  await mkdir(path.join(staging, 'fonts'), { recursive: true });
  try {
    await Promise.all([
      pipeline(
        createReadStream(path.join(bin, 'chromium.br')),
        createBrotliDecompress(),
        createWriteStream(path.join(staging, 'chromium'), { mode: 0o755 }),
      ),
      // NSS, NSPR and expat: the only libraries the shell needs beyond glibc, which a bare machine may lack.
      pipeline(createReadStream(path.join(bin, 'al2023.tar.br')), createBrotliDecompress(), extract(staging)),
      pipeline(
        createReadStream(path.join(bin, 'fonts.tar.br')),
        createBrotliDecompress(),
        extract(path.join(staging, 'fonts')),
      ),
    ]);
    // The package's fonts.conf names Lambda's folders; ours names where the font really is.
    await writeFile(
      path.join(staging, 'fonts', 'fonts.conf'),
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n` +
        `  <dir>${path.join(target, 'fonts', 'fonts')}</dir>\n  <cachedir>${path.join(target, 'fonts', 'cache')}</cachedir>\n</fontconfig>\n`,
    );
    await rename(staging, target);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    if (!(await isExecutable(install.executablePath))) throw error;
  }
  return install;
}

/** Launches the Chromium `findChromium` picks, headless, with CHROMIUM_ARGS. */
export async function launchChromium(install?: ChromiumInstall): Promise<Browser> {
  const found = install ?? (await findChromium());
  return chromium.launch({
    executablePath: found.executablePath,
    args: [...CHROMIUM_ARGS],
    env: { ...process.env, ...found.env },
  });
}
