// LibreOffice converting every document of the demo campaign to PDF. It needs Debian's LibreOffice Writer, which npm
// cannot bring, so it is not part of `npm test` (vitest.config.ts leaves test/system out): .ci/run installs Writer and
// runs this folder with vitest.system.config.ts, where a missing LibreOffice fails instead of skipping.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDocuments } from '../../functions/documents/index.ts';
import { loadDocumentTemplates } from '../../functions/documents/load.ts';
import { evaluateCampaign } from '../../functions/rules/index.ts';
import { FIXTURE_UNIT_KEY } from '../../scripts/bench/campaign.ts';
import { demoGrids } from '../../scripts/demo/campaign.ts';

const NOW = new Date('2026-12-01T09:00:00+07:00');

/** LibreOffice with its Writer module (Debian: libreoffice-writer-nogui), which .docx needs. */
function libreOfficeWriter(): string {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const bin = path.join(dir, 'libreoffice');
    if (!existsSync(bin)) continue;
    if (existsSync(path.join(path.dirname(realpathSync(bin)), 'libswlo.so'))) return bin;
  }
  throw new Error('LibreOffice Writer is not installed (Debian: libreoffice-writer-nogui; .ci/run installs it)');
}

describe('LibreOffice', () => {
  it('converts every document to PDF (A4 pages)', () => {
    const soffice = libreOfficeWriter();
    const snapshot = { spreadsheetId: 'demo', tabs: demoGrids(NOW, 'http://127.0.0.1:8080/') };
    const evaluation = evaluateCampaign(snapshot, NOW, FIXTURE_UNIT_KEY);
    const files = generateDocuments({ evaluation, snapshot }, loadDocumentTemplates(), NOW);
    const dir = mkdtempSync(path.join(tmpdir(), 'thidua-docs-pdf-'));
    try {
      const names = files.map((f, i) => {
        const file = path.join(dir, `${i}.docx`);
        writeFileSync(file, f.bytes);
        return file;
      });
      execFileSync(
        soffice,
        [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...names],
        { timeout: 240_000, stdio: 'ignore' },
      );
      const pdfs = readdirSync(dir).filter((n) => n.endsWith('.pdf'));
      expect(pdfs).toHaveLength(files.length);
      for (const [i, f] of files.entries()) {
        const pdf = readFileSync(path.join(dir, `${i}.pdf`)).toString('latin1');
        expect(pdf.startsWith('%PDF'), f.name).toBe(true);
        expect(pdf, f.name).toMatch(/\/MediaBox\s*\[\s*0 0 (595\.\d+ 841\.\d+|841\.\d+ 595\.\d+)\s*\]/);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
