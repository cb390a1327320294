import { SEED, rows, type CodeList } from '../types';

/**
 * Autore della rilevazione of a violence record (seed 003 §3.11): "il
 * soggetto che ha osservato i sintomi o i segni nel bambino o che ha raccolto
 * la narrazione (ad es., insegnante, educatore, ecc.)". The seed gives
 * examples, not a list; the other entries are the hub's.
 */
const S = `${SEED.S003} §3.11`;

export const violenceDetector: CodeList = {
  name: 'VIOLENCE_DETECTOR',
  description: 'Who detected the violence or maltreatment (autore della rilevazione)',
  source: S,
  version: '1.0',
  entries: rows({ source: S }, [
    ['TEACHER', 'Insegnante'],
    ['EDUCATOR', 'Educatore'],
    ['SOCIAL_WORKER', 'Operatore del servizio sociale'],
    ['HEALTH_PROFESSIONAL', 'Operatore sanitario'],
    ['LAW_ENFORCEMENT', "Forze dell'ordine"],
    ['FAMILY_MEMBER', 'Familiare'],
    ['MINOR', 'Il minore stesso (narrazione)'],
    ['OTHER', 'Altro'],
  ]),
};
