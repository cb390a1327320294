import { SEED, rows, type CodeList } from '../types';

/**
 * Relation to the minor of a member of the family unit or of a significant
 * person (nucleo familiare convivente e soggetti significativi, seed 003
 * §3.3). The seed names parents ("genitore", "altro genitore"), other
 * cohabiting adults, relatives ("zii, nonni", "un parente molto presente")
 * and non-cohabiting significant persons; whether a person lives with the
 * minor is recorded apart, not in the relation. `canBeParentalFigure`: the
 * seed counts relatives beyond the first degree (uncles, grandparents) as a
 * parental figure when deciding whether a family is single-parent.
 */
export const significantPersonRelation: CodeList = {
  name: 'SIGNIFICANT_PERSON_RELATION',
  description: 'Relation of a family-unit member or significant person to the minor',
  source: `${SEED.S003} §3.3`,
  version: '1.0',
  entries: rows({ source: `${SEED.S003} §3.3` }, [
    ['MOTHER', 'Madre', { parent: true, canBeParentalFigure: true }],
    ['FATHER', 'Padre', { parent: true, canBeParentalFigure: true }],
    ['SIBLING', 'Fratello/sorella'],
    ['GRANDPARENT', 'Nonno/nonna', { canBeParentalFigure: true }],
    ['UNCLE_AUNT', 'Zio/zia', { canBeParentalFigure: true }],
    ['OTHER_RELATIVE', 'Altro parente'],
    ['OTHER_COHABITING_ADULT', 'Altro adulto convivente'],
    ['OTHER_SIGNIFICANT_PERSON', 'Altra persona significativa (legame affettivo e/o economico)'],
  ]),
};
