// The campaign's identity from `Cấu hình`: the layout fields of every email and the prefix of every email key.
import { setting, type Settings } from '../core/settings.ts';

/** Fields every email layout shows (`templates/layout.*`). */
export interface LayoutData {
  readonly campaign: string;
  readonly organisation: string;
  readonly year: string;
}

export function layoutData(settings: Settings): LayoutData {
  return {
    campaign: setting(settings, 'Tên phong trào'),
    organisation: setting(settings, 'Cơ quan phát động'),
    year: setting(settings, 'Năm'),
  };
}

/** `<Tên phong trào> <Năm>`: the campaign part of email keys, so next year's campaign in a copied sheet mails afresh. */
export function campaignKey(settings: Settings): string {
  return `${setting(settings, 'Tên phong trào')} ${setting(settings, 'Năm')}`.replace(/\|/g, '/');
}
