import { useCallback } from 'react';
import { loadMunicipalities, type MunicipalityCode } from '../api';
import { useI18n } from '../i18n';
import { CodePickerField, pickErrors, searchOptions, useLoaded } from './CodePicker';
import type { FieldErrors, FormState, Values } from './form';

/*
 * The searchable municipality picker (issue 18 item 6): CodePickerField over
 * the 7,904 municipalities; the form keeps the 6-digit ISTAT code, shown
 * under the field.
 */

export { fold } from './CodePicker';

/** "Roma (RM)" */
export function municipalityName(m: MunicipalityCode): string {
  return m.group ? `${m.label} (${m.group})` : m.label;
}

/** The municipalities matching the text: names starting with it first, then names containing it; a code matches by its digits. */
export function searchMunicipalities(list: readonly MunicipalityCode[], text: string, max?: number): MunicipalityCode[] {
  return searchOptions(list, text, max);
}

/** The list, loaded once (null until it arrives). */
export function useMunicipalities(): readonly MunicipalityCode[] | null {
  return useLoaded(loadMunicipalities);
}

const MUNICIPALITY_CODE = /^\d{6}$/;

/** Client check: a municipality field holding text that was not picked from the list. */
export function municipalityErrors<V extends Values>(values: V, names: readonly (keyof V & string)[], message: string): FieldErrors {
  return pickErrors(values, names, MUNICIPALITY_CODE, message);
}

export function MunicipalityField<V extends Values>(props: {
  readonly form: FormState<V>;
  readonly name: keyof V & string;
  readonly label: string;
  readonly required?: boolean;
  /** A live message (e.g. the check against the fiscal code). */
  readonly status?: { readonly text: string; readonly invalid: boolean } | null;
}) {
  const { t } = useI18n();
  const list = useMunicipalities();
  const codeLine = useCallback((picked: MunicipalityCode | undefined) => (picked ? t('istatCode', { code: picked.code }) : t('municipalityPickHint')), [t]);
  return <CodePickerField {...props} list={list} nameOf={municipalityName} codeShape={MUNICIPALITY_CODE} codeLine={codeLine} />;
}
