// The documents of the campaign as files. Stand-in of the generator's shape (`generateDocuments(source, templates,
// now)`, functions/documents/) until it lands: two plain reports, so the Drive path can be built and tested.
import { setting } from '../core/settings.ts';
import type { Evaluation } from '../core/model.ts';
import type { Snapshot } from '../core/snapshot.ts';
import type { DocumentFile } from '../publish/publish.ts';

export interface DocumentSource {
  readonly evaluation: Evaluation;
  readonly snapshot: Snapshot;
}

export function documentFiles(source: DocumentSource, now: Date): DocumentFile[] {
  const year = setting(source.evaluation.settings, 'Năm');
  const body = (title: string) =>
    new TextEncoder().encode(
      `${title}\n${setting(source.evaluation.settings, 'Cơ quan phát động')}\n${now.toISOString()}\n`,
    );
  return [
    { name: `Báo cáo sơ kết ${year}.docx`, kind: 'bao-cao-so-ket', bytes: body(`Báo cáo sơ kết ${year}`) },
    { name: `Báo cáo tổng kết ${year}.docx`, kind: 'bao-cao-tong-ket', bytes: body(`Báo cáo tổng kết ${year}`) },
  ];
}
