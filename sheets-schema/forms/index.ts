// The four forms, in the order of the campaign year.
import type { FormDef } from '../types.ts';
import { REGISTRATION_FORM } from './registration.ts';

export const FORMS: readonly FormDef[] = [REGISTRATION_FORM];

export function formDef(tab: string): FormDef | undefined {
  return FORMS.find((f) => f.tab === tab);
}
