import { AutoCheck } from '../auto-checks/auto-check.types';
import { Criterion, Scorecard } from './scorecard';

const yesNo = { kind: 'yes_no' } as const;

function auto(id: string, title: string, weight: number, check: AutoCheck, extra: Partial<Criterion> = {}): Criterion {
  return { id, title, weight, mode: 'auto', answerType: yesNo, allowNa: false, critical: false, check, ...extra };
}

function manual(id: string, title: string, weight: number, extra: Partial<Criterion> = {}): Criterion {
  return { id, title, weight, mode: 'manual', answerType: { kind: 'scale', max: 5 }, allowNa: false, critical: false, ...extra };
}

/**
 * A general inbound-service scorecard: opening, communication, resolution, compliance and closing.
 * Forbidden phrases and reading card data back are critical: breaking one zeroes the evaluation.
 */
export function defaultScorecard(): Scorecard {
  return {
    id: 'default-inbound',
    version: 1,
    title: 'Inbound service call',
    criticalFailurePolicy: 'zero_total',
    sections: [
      {
        id: 'opening',
        title: 'Opening',
        weight: 15,
        criteria: [
          auto('greeting_company', 'Greets with the company name', 1, { kind: 'greeting_company' }),
          auto('greeting_agent_name', 'Gives their name', 1, { kind: 'greeting_agent_name' }, { allowNa: true }),
          auto('greeting_offer_help', 'Offers help', 1, { kind: 'greeting_offer_help' }),
        ],
      },
      {
        id: 'communication',
        title: 'Communication',
        weight: 25,
        criteria: [
          auto('polite_forms', 'Uses polite forms', 1, { kind: 'polite_forms' }),
          auto('no_interrupting', 'Lets the customer finish', 1, { kind: 'no_interrupting' }, { allowNa: true }),
          auto('no_long_silence', 'No unexplained long silence', 1, { kind: 'no_long_silence' }),
          manual('empathy', 'Shows empathy and a positive tone', 2),
          manual('clarity', 'Explains clearly, without jargon', 2),
        ],
      },
      {
        id: 'resolution',
        title: 'Resolution',
        weight: 30,
        criteria: [
          manual('understood_need', "Identifies the customer's need", 1, { answerType: yesNo }),
          manual('correct_information', 'Gives correct and complete information', 2),
          manual('resolution', 'Resolves the request or sets clear next steps', 2),
        ],
      },
      {
        id: 'compliance',
        title: 'Compliance',
        weight: 20,
        criteria: [
          // Not critical by default: which disclosure a centre must give, and whether missing it voids a
          // call, is the centre's rule to set; a default that zeroes every call without it is no default.
          auto('required_disclosure', 'Gives the required disclosures', 1, { kind: 'required_disclosure' }, { allowNa: true }),
          auto('no_forbidden_phrases', 'Uses no forbidden phrases', 1, { kind: 'no_forbidden_phrases' }, { critical: true }),
          auto('no_card_data_read_back', 'Does not read card data back', 1, { kind: 'no_card_data_read_back' }, { critical: true }),
        ],
      },
      {
        id: 'closing',
        title: 'Closing',
        weight: 10,
        criteria: [
          auto('closing_offer_help', 'Offers further help', 1, { kind: 'closing_offer_help' }),
          auto('closing_thanks', 'Thanks the customer and closes politely', 1, { kind: 'closing_thanks' }),
        ],
      },
    ],
  };
}
