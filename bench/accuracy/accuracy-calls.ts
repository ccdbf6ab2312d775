import { seededRandom } from '../../libs/scoring/test/transcript.builders';

/**
 * The accuracy set: calls assembled from script pieces, each piece written once with what a careful
 * reviewer reading it would say it contains (a company name, the agent's name, an offer of help, a
 * thanks at the close, polite forms by kind…). A call's truth is the sum of its pieces' labels and
 * of its layout (long silences, talking over the customer, a card number read out) — never what a
 * check outputs. Change a piece's text only together with its labels.
 */

export type Outcome = 'pass' | 'fail' | 'na';

/** Every auto criterion of the default scorecard, in its order. */
export const AUTO_CRITERIA = [
  'greeting_company',
  'greeting_agent_name',
  'greeting_offer_help',
  'polite_forms',
  'no_interrupting',
  'no_long_silence',
  'required_disclosure',
  'no_forbidden_phrases',
  'no_card_data_read_back',
  'closing_offer_help',
  'closing_thanks',
] as const;
export type AutoCriterionId = (typeof AUTO_CRITERIA)[number];

/** Polite forms by kind: two different kinds make a pass (the default scorecard asks for two). */
type PoliteKind = 'please' | 'thanks' | 'apology' | 'bear_with_me' | 'welcome';

interface Labels {
  company?: boolean;
  agentName?: boolean;
  offerHelp?: boolean;
  disclosure?: boolean;
  forbidden?: boolean;
  closingOfferHelp?: boolean;
  closingThanks?: boolean;
  polite?: PoliteKind[];
}

/** A piece of script: its text (with {company}, {short}, {first}, {full}) and what it holds. */
interface Piece {
  style: 'formal' | 'informal' | 'partial' | 'missing';
  text: string;
  labels: Labels;
  /** Said only in held-out calls: wordings nobody tuned a setting or a threshold on. */
  heldOutOnly?: true;
}

export interface Company {
  /** As an administrator types it into the settings, without spoken variants (a first day's setup). */
  name: string;
  /** What agents say for short. */
  short: string;
  /** Why it is hard for a recogniser. */
  note: string;
}

export const ACCURACY_COMPANIES: readonly Company[] = [
  { name: 'Brightwell Energy', short: 'Brightwell', note: 'sounds like the everyday words "bright well"' },
  { name: 'Seabrook Insurance', short: 'Seabrook', note: 'sounds like the everyday words "sea brook"' },
  { name: 'Quintara Health', short: 'Quintara', note: "not in the recogniser's dictionary" },
  { name: 'Kestrel Mobile', short: 'Kestrel', note: 'a rare dictionary word' },
];

/** Only in held-out calls: a company nobody tuned on. */
export const HELD_OUT_COMPANY: Company = { name: 'Fernway Travel', short: 'Fernway', note: 'sounds like the everyday words "fern way"' };

export const ACCURACY_AGENTS: readonly string[] = [
  'Maria Lopez',
  'Kevin Walsh',
  'Aisha Khan',
  'Oliver Grant',
  'Chloe Martin',
  'Ravi Patel',
  'Grace Lee',
  'Marcus Reed',
];

const GREETINGS: readonly Piece[] = [
  {
    style: 'formal',
    text: 'Good morning, thank you for calling {company}, my name is {first}.',
    labels: { company: true, agentName: true, polite: ['thanks'] },
  },
  { style: 'formal', text: 'Hello, this is {company}, {full} speaking.', labels: { company: true, agentName: true } },
  { style: 'informal', text: 'Hi, {short} here, {first} speaking.', labels: { company: true, agentName: true } },
  { style: 'informal', text: "Hi there, you're through to {short}, I'm {first}.", labels: { company: true, agentName: true } },
  { style: 'partial', text: 'Hello, {company}.', labels: { company: true } },
  { style: 'partial', text: 'Hi, this is {first}.', labels: { agentName: true } },
  { style: 'missing', text: 'Hello?', labels: {} },
  { style: 'formal', text: 'Good afternoon, {company}, you are speaking with {first}.', labels: { company: true, agentName: true }, heldOutOnly: true },
  { style: 'informal', text: "Hey, it's {first} at {short}.", labels: { company: true, agentName: true }, heldOutOnly: true },
];

const DISCLOSURES: readonly Piece[] = [
  { style: 'formal', text: 'This call may be recorded for quality and training purposes.', labels: { disclosure: true } },
  { style: 'informal', text: 'Just so you know, this call is being recorded.', labels: { disclosure: true } },
  { style: 'partial', text: 'Calls are recorded for training.', labels: { disclosure: true } },
  { style: 'missing', text: '', labels: {} },
  { style: 'formal', text: 'Please note that this call is recorded.', labels: { disclosure: true, polite: ['please'] }, heldOutOnly: true },
];

const OFFERS_OF_HELP: readonly Piece[] = [
  { style: 'formal', text: 'How may I help you today?', labels: { offerHelp: true } },
  { style: 'informal', text: 'How can I help?', labels: { offerHelp: true } },
  { style: 'informal', text: 'What can I do for you?', labels: { offerHelp: true } },
  { style: 'partial', text: 'What can I help you with today?', labels: { offerHelp: true } },
  { style: 'missing', text: '', labels: {} },
  { style: 'formal', text: 'How can I assist you today?', labels: { offerHelp: true }, heldOutOnly: true },
  { style: 'informal', text: 'What can I help with?', labels: { offerHelp: true }, heldOutOnly: true },
];

const REQUESTS: readonly string[] = [
  'Hi, my last bill looks much too high and I would like someone to check it.',
  'Hello, I moved house last month and need to change my address.',
  'I would like to know why my payment of forty two pounds was taken twice.',
  'My account number is five five two one, and I cannot log in any more.',
  'I want to cancel the extra service I added on the third of May.',
  'Hello, I am calling about the letter I got on Tuesday.',
];

const HANDLING: readonly Piece[] = [
  { style: 'formal', text: 'Of course. Please bear with me while I check that.', labels: { polite: ['please', 'bear_with_me'] } },
  { style: 'informal', text: 'Sure, one moment please.', labels: { polite: ['please'] } },
  { style: 'formal', text: 'Sorry for the wait. I can see the problem now.', labels: { polite: ['apology'] } },
  { style: 'informal', text: 'Right, let me look at that.', labels: {} },
  { style: 'formal', text: 'Calm down. That is not my problem.', labels: { forbidden: true } },
  { style: 'informal', text: 'Look, there is nothing I can do about it.', labels: { forbidden: true } },
  { style: 'informal', text: 'No problem, please hold on a second.', labels: { polite: ['please'] }, heldOutOnly: true },
  { style: 'informal', text: 'Sorry about that, let me fix it.', labels: { polite: ['apology'] }, heldOutOnly: true },
  { style: 'informal', text: 'I told you already, you are wrong.', labels: { forbidden: true }, heldOutOnly: true },
];

const CUSTOMER_FOLLOW_UPS: readonly string[] = ['Okay.', 'Right, I see.', 'Alright then.', 'Oh, thank you.'];

const RESOLUTIONS: readonly Piece[] = [
  { style: 'formal', text: 'Thank you for waiting. I have corrected that for you.', labels: { polite: ['thanks'] } },
  { style: 'informal', text: 'Done, that is all sorted now.', labels: {} },
  { style: 'formal', text: 'You are welcome. The change will show on your next statement.', labels: { polite: ['welcome'] } },
  { style: 'informal', text: 'I have updated it, it should work from tomorrow.', labels: {} },
  { style: 'formal', text: 'Thanks for your patience, it is fixed.', labels: { polite: ['thanks'] }, heldOutOnly: true },
];

const CLOSING_OFFERS: readonly Piece[] = [
  { style: 'formal', text: 'Is there anything else I can help you with?', labels: { closingOfferHelp: true } },
  { style: 'informal', text: 'Anything else I can do for you today?', labels: { closingOfferHelp: true } },
  { style: 'informal', text: 'Can I help with anything else?', labels: { closingOfferHelp: true } },
  { style: 'partial', text: 'Is there something else you need?', labels: { closingOfferHelp: true } },
  { style: 'missing', text: '', labels: {} },
  { style: 'formal', text: 'Is there anything more I can do for you?', labels: { closingOfferHelp: true }, heldOutOnly: true },
  { style: 'informal', text: 'Do you need help with anything else?', labels: { closingOfferHelp: true }, heldOutOnly: true },
];

const CUSTOMER_GOODBYES: readonly string[] = ['No, that is all, thanks.', 'No, that was everything.', 'Nope, that is it. Bye.'];

const CLOSINGS: readonly Piece[] = [
  { style: 'formal', text: 'Thank you for calling {company}, have a nice day.', labels: { closingThanks: true, polite: ['thanks'] } },
  { style: 'informal', text: 'Thanks for calling, take care.', labels: { closingThanks: true, polite: ['thanks'] } },
  { style: 'informal', text: 'Have a good day, goodbye.', labels: { closingThanks: true } },
  { style: 'partial', text: 'Thank you, bye now.', labels: { closingThanks: true, polite: ['thanks'] } },
  { style: 'missing', text: 'Okay. Bye.', labels: {} },
  { style: 'informal', text: 'Thanks for calling {short}, enjoy your day.', labels: { closingThanks: true, polite: ['thanks'] }, heldOutOnly: true },
  { style: 'informal', text: 'Cheers, have a lovely evening.', labels: { closingThanks: true }, heldOutOnly: true },
  { style: 'missing', text: 'Right. Bye.', labels: {} },
];

/** Luhn-valid test cards (the issuers' published test numbers), with ways customers read them out. */
const CARD_READINGS: readonly { digits: string; spoken: string }[] = [
  { digits: '4111111111111111', spoken: 'four one one one, one one one one, one one one one, one one one one' },
  { digits: '5555555555554444', spoken: 'five five five five, five five five five, five five five five, four four four four' },
  { digits: '4012888888881881', spoken: 'four oh one two, eight eight eight eight, eight eight eight eight, one eight eight one' },
  { digits: '6011111111111117', spoken: 'six oh one one, one one one one, one one one one, one one one seven' },
  { digits: '5105105105105100', spoken: 'five one oh five, one oh five one, oh five one oh, five one zero zero' },
  { digits: '4242424242424242', spoken: 'four two four two, four two four two, four two four two, four two four two' },
  { digits: '378282246310005', spoken: 'three seven eight two, eight two two four six, three one zero zero zero five' },
  { digits: '4000056655665556', spoken: 'four zero zero zero, zero five six six, five five six six, five five five six' },
];

export type Party = 'agent' | 'customer';
export type Turn = { speaker: Party; text: string; gapMs?: number; overlapMs?: number; card?: true } | { silenceMs: number };

export interface AccuracyCall {
  id: string;
  company: Company;
  agentName: string;
  agentVoice: string;
  customerVoice: string;
  turns: Turn[];
  truth: Record<AutoCriterionId, Outcome>;
  /** Never used to choose a threshold, a phrase or a setting: the figures reported are measured on it. */
  heldOut: boolean;
  /** The card read out, when one is. */
  card?: { digits: string; readBy: Party };
}

const fill = (text: string, company: Company, agentName: string) =>
  text
    .replace(/\{company\}/g, company.name)
    .replace(/\{short\}/g, company.short)
    .replace(/\{first\}/g, agentName.split(' ')[0])
    .replace(/\{full\}/g, agentName);

const join = (...parts: string[]) => parts.filter(Boolean).join(' ');

export interface AccuracySetOptions {
  calls: number;
  /** Voice names as `engine:voice` (flite:slt, espeak-ng:en-gb-scotland). */
  voices: readonly string[];
}

/**
 * Builds the set: pieces picked in rotation with a seeded shuffle so every phrasing, company, agent
 * and voice occurs; every fourth call has a card read out (by the agent in one of three of those),
 * some have a long hold in silence or the agent talking over the customer. Every third call is held
 * out: half of its wordings, and one company, occur in no other call.
 */
export function buildAccuracySet(options: AccuracySetOptions): AccuracyCall[] {
  const random = seededRandom(20261202);
  const calls: AccuracyCall[] = [];
  for (let i = 0; i < options.calls; i++) {
    const heldOut = i % 3 === 2;
    // Held-out calls say a wording of their own one time in two.
    const pick = (list: readonly Piece[], _i: number, stride: number): Piece => {
      const own = list.filter((p) => p.heldOutOnly);
      const shared = list.filter((p) => !p.heldOutOnly);
      const from = heldOut && own.length > 0 && random() < 0.5 ? own : shared;
      return from[(i * stride + Math.floor(random() * from.length)) % from.length];
    };
    const company = heldOut && i % 5 === 2 ? HELD_OUT_COMPANY : ACCURACY_COMPANIES[i % ACCURACY_COMPANIES.length];
    const agentName = ACCURACY_AGENTS[(i * 3 + Math.floor(i / 8)) % ACCURACY_AGENTS.length];
    const agentVoice = options.voices[i % options.voices.length];
    const customerVoice = options.voices[(i * 5 + 3) % options.voices.length];
    const greeting = pick(GREETINGS, i, 1);
    const disclosure = pick(DISCLOSURES, i, 3);
    const offer = pick(OFFERS_OF_HELP, i, 2);
    const handling = pick(HANDLING, i, 5);
    const resolution = pick(RESOLUTIONS, i, 3);
    const closingOffer = pick(CLOSING_OFFERS, i, 3);
    const closing = pick(CLOSINGS, i, 2);
    const cardCall = i % 4 === 1;
    const agentReadsCard = cardCall && i % 12 === 5;
    const longHold = i % 9 === 4;
    const interrupting = i % 10 === 7;

    const labels: Labels[] = [greeting.labels, disclosure.labels, offer.labels, handling.labels, resolution.labels, closingOffer.labels, closing.labels];
    const turns: Turn[] = [];
    turns.push({ speaker: 'agent', text: fill(join(greeting.text, disclosure.text, offer.text), company, agentName) });
    turns.push({ speaker: 'customer', text: REQUESTS[i % REQUESTS.length] });
    turns.push({ speaker: 'agent', text: handling.text, ...(interrupting ? { overlapMs: 900 } : {}) });
    let card: AccuracyCall['card'];
    if (cardCall) {
      const reading = CARD_READINGS[Math.floor(i / 4) % CARD_READINGS.length];
      card = { digits: reading.digits, readBy: agentReadsCard ? 'agent' : 'customer' };
      turns.push({ speaker: 'agent', text: 'Can I take the long number on the card?' });
      turns.push({ speaker: 'customer', text: 'Yes, it is' });
      turns.push({ speaker: 'customer', text: reading.spoken, gapMs: 300, card: true });
      if (agentReadsCard) turns.push({ speaker: 'agent', text: reading.spoken, card: true });
      turns.push({ speaker: 'agent', text: 'Got it.' });
    }
    if (interrupting) {
      turns.push({ speaker: 'customer', text: 'But I was told last time that it would be fixed by now, and' });
      turns.push({ speaker: 'agent', text: 'I know, I know.', overlapMs: 900 });
      turns.push({ speaker: 'customer', text: 'and nobody called me back about it at all, which' });
      turns.push({ speaker: 'agent', text: 'Yes, I understand that.', overlapMs: 900 });
    } else turns.push({ speaker: 'customer', text: CUSTOMER_FOLLOW_UPS[i % CUSTOMER_FOLLOW_UPS.length] });
    if (longHold) turns.push({ silenceMs: 34_000 });
    turns.push({ speaker: 'agent', text: join(resolution.text, closingOffer.text), gapMs: longHold ? 0 : undefined });
    turns.push({ speaker: 'customer', text: CUSTOMER_GOODBYES[i % CUSTOMER_GOODBYES.length] });
    turns.push({ speaker: 'agent', text: fill(closing.text, company, agentName) });

    const has = (key: keyof Omit<Labels, 'polite'>) => labels.some((l) => l[key] === true);
    const politeKinds = new Set(labels.flatMap((l) => l.polite ?? []));
    // "Can I take the long number on the card?" holds no polite form; "Got it." neither.
    const overlaps = turns.filter((t) => 'speaker' in t && t.speaker === 'agent' && t.overlapMs !== undefined).length;
    const pf = (ok: boolean): Outcome => (ok ? 'pass' : 'fail');
    calls.push({
      id: `call-${String(i + 1).padStart(2, '0')}-${company.short.toLowerCase()}`,
      company,
      agentName,
      agentVoice,
      customerVoice,
      turns,
      truth: {
        greeting_company: pf(has('company')),
        greeting_agent_name: pf(has('agentName')),
        greeting_offer_help: pf(has('offerHelp')),
        polite_forms: pf(politeKinds.size >= 2),
        no_interrupting: pf(overlaps <= 2),
        no_long_silence: pf(!longHold),
        required_disclosure: pf(has('disclosure')),
        no_forbidden_phrases: pf(!has('forbidden')),
        no_card_data_read_back: pf(!agentReadsCard),
        closing_offer_help: pf(has('closingOfferHelp')),
        closing_thanks: pf(has('closingThanks')),
      },
      heldOut,
      card,
    });
  }
  return calls;
}
