import { useCallback } from 'react';
import { loadCountries, type CountryCode } from '../api';
import { useI18n } from '../i18n';
import { CodePickerField, pickErrors, useLoaded } from './CodePicker';
import type { FieldErrors, FormState, Values } from './form';

/*
 * The searchable country picker (issue 18 item 6): CodePickerField over the
 * ISTAT list of countries (code list COUNTRY, 100 = Italia); the form keeps
 * the 3-digit ISTAT code, shown under the field. Citizenship and a
 * document's issuing country.
 */

const COUNTRY_CODE = /^\d{3}$/;

const countryName = (c: CountryCode) => c.label;

/** The list, loaded once (null until it arrives). */
export function useCountries(): readonly CountryCode[] | null {
  return useLoaded(loadCountries);
}

/** Client check: a country field holding text that was not picked from the list. */
export function countryErrors<V extends Values>(values: V, names: readonly (keyof V & string)[], message: string): FieldErrors {
  return pickErrors(values, names, COUNTRY_CODE, message);
}

export function CountryField<V extends Values>(props: { readonly form: FormState<V>; readonly name: keyof V & string; readonly label: string; readonly required?: boolean; readonly hint?: string }) {
  const { hint, ...field } = props;
  const { t } = useI18n();
  const list = useCountries();
  const codeLine = useCallback((picked: CountryCode | undefined) => [picked ? t('istatCode', { code: picked.code }) : t('countryPickHint'), hint].filter(Boolean).join(' '), [t, hint]);
  return <CodePickerField {...field} list={list} nameOf={countryName} codeShape={COUNTRY_CODE} codeLine={codeLine} />;
}
