// The bench's deployed runtime: fetched from an npm registry (here one on 127.0.0.1 serving a stand-in "node" that
// only prints its version) and unpacked once; without a registry, the bench's own Node with a Vietnamese warning.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deployedRuntime } from '../../../scripts/bench/runtime.ts';

const run = promisify(execFile);
const NAME = `node-${process.platform}-${process.arch}`;
/** A major no Node running this test has, so the fetch path is always the one taken. */
const MAJOR = 99;
const VERSION = `${MAJOR}.0.0`;

let dir: string;
const saved = { ...process.env };

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'thidua-runtime-'));
  // npm's own cache stays inside the test's folder, and nothing asks the real registry.
  process.env.npm_config_cache = path.join(dir, 'npm-cache');
  process.env.npm_config_fetch_retries = '0';
});

afterEach(async () => {
  process.env = { ...saved };
  await rm(dir, { recursive: true, force: true });
});

/** The package npm publishes, in miniature: package/bin/node printing the version it stands for. */
async function tarball(): Promise<Buffer> {
  const bin = path.join(dir, 'src', 'package', 'bin');
  await mkdir(bin, { recursive: true });
  await writeFile(path.join(bin, 'node'), `#!/bin/sh\necho v${VERSION}\n`, { mode: 0o755 });
  await writeFile(path.join(dir, 'src', 'package', 'package.json'), JSON.stringify({ name: NAME, version: VERSION }));
  const file = path.join(dir, 'package.tgz');
  await run('tar', ['-czf', file, '-C', path.join(dir, 'src'), 'package']);
  return readFile(file);
}

/** An npm registry on 127.0.0.1 with one package, counting the tarball's downloads. */
async function registry(tgz: Buffer): Promise<{ server: Server; url: string; downloads: () => number }> {
  let downloads = 0;
  const server = createServer((req, res) => {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    if (req.url === `/${NAME}`) {
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({
          name: NAME,
          'dist-tags': { latest: VERSION },
          versions: {
            [VERSION]: {
              name: NAME,
              version: VERSION,
              dist: {
                tarball: `${url}/${NAME}/-/${NAME}-${VERSION}.tgz`,
                shasum: createHash('sha1').update(tgz).digest('hex'),
              },
            },
          },
        }),
      );
    } else if (req.url === `/${NAME}/-/${NAME}-${VERSION}.tgz`) {
      downloads++;
      res.end(tgz);
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, downloads: () => downloads };
}

describe('the runtime the bench measures the deployed code on', () => {
  it('is the Node major the functions are deployed to, fetched from the registry once and then taken from the cache', async () => {
    const { server, url, downloads } = await registry(await tarball());
    try {
      process.env.npm_config_registry = url;
      const cache = path.join(dir, 'cache');
      const first = await deployedRuntime({ major: MAJOR, cache });
      expect(first).toEqual({
        node: path.join(cache, `${NAME}-${MAJOR}`, 'bin', 'node'),
        version: `v${VERSION}`,
        deployed: true,
        warning: '',
      });
      const again = await deployedRuntime({ major: MAJOR, cache });
      expect(again).toEqual(first);
      expect(downloads()).toBe(1);
    } finally {
      server.close();
    }
  }, 60_000);

  it("without a registry is the bench's own Node, with a Vietnamese warning that the figures are not the deployed ones", async () => {
    // A port nothing listens on: npm fails at once instead of reaching the real registry.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    process.env.npm_config_registry = `http://127.0.0.1:${port}/`;
    const runtime = await deployedRuntime({ major: MAJOR, cache: path.join(dir, 'cache') });
    expect(runtime.node).toBe(process.execPath);
    expect(runtime.deployed).toBe(false);
    expect(runtime.warning).toContain(`Không lấy được Node ${MAJOR} (gói npm ${NAME}@${MAJOR}`);
    expect(runtime.warning).toContain(
      `số đo dưới đây là của Node ${process.version}, không phải của môi trường triển khai`,
    );
  }, 60_000);
});
