import type { CompanyName } from '@callgrade/scoring';
import type { Voice } from '../support/audio-fixtures';
import type { Turn } from './conversation-audio';

/**
 * Synthesised calls with known truth, to measure auto-scoring end to end (flite → pocketsphinx →
 * scoring). The truth says what each script really contains, criterion by criterion, as the default
 * scorecard defines it (`libs/scoring/src/scorecard/default-scorecard.ts`, checks in `auto-checks.ts`):
 *
 * - greeting_company / greeting_agent_name: said in the agent's first 15 s.
 * - greeting_offer_help: "how can/may I help you"… in the agent's first 30 s.
 * - polite_forms: at least two different polite phrases (please, thank you, bear with me, sorry for the wait…).
 * - no_interrupting: at most 2 agent turns started over the customer; N/A without customer speech.
 * - no_long_silence: no gap of more than 30 s with nobody talking.
 * - required_disclosure: "this call may be / is being recorded" in the first 60 s.
 * - no_forbidden_phrases: none of "calm down", "that is not my problem", "there is nothing I can do"…
 * - no_card_data_read_back: the agent never says a card number (the customer may).
 * - closing_offer_help: "is there anything else…" at the end; closing_thanks: "thank you for calling",
 *   "have a nice day"… at the end.
 *
 * Closings never name the company and greetings never use "thank you for calling" in calls where
 * that would make the truth of another criterion depend on how short the call is.
 *
 * Wording: phrases pocketsphinx mishears in one flite voice are said in another voice or reworded
 * (slt: "have a nice day", "sorry for the wait", "how may I help you"; rms: "thank you"; awb:
 * "calm down"), and a card number read back by the agent is a sentence of its own ("that is four…"
 * comes out as "that is for one one…", which no longer reads as a card number). The misses left in
 * (names such as Emma, "this call is being recorded" in rms, closings in context) are real ones.
 * Company names: "Summit Energy" (heard as "some energy") and "Contoso Energy" (not found by keyword
 * spotting) were tried first and missed in every call; see README.md.
 */

import { AUTO_CRITERIA, type AutoCriterionId, type Outcome } from '../../bench/accuracy/accuracy-calls';

export { AUTO_CRITERIA, type AutoCriterionId, type Outcome };

export interface ScriptedCall {
  id: string;
  /** The agent's display name in Callgrade; the name check looks for it (or the first name). */
  agentName: string;
  agentVoice: Voice;
  customerVoice: Voice;
  turns: Turn[];
  truth: Record<AutoCriterionId, Outcome>;
  /** The customer reads a card number; the transcript and the audio heard by supervisors must not keep it. */
  cardNumberSpoken?: boolean;
}

export const COMPANIES: CompanyName[] = [
  { name: 'Northwind Bank', spokenVariants: ['northwind'] },
  { name: 'Riverside Energy', spokenVariants: ['riverside'] },
];

/** A Luhn-valid test card (4111 1111 1111 1111), read digit by digit in groups of four. */
export const CARD_NUMBER_SPOKEN = 'four one one one, one one one one, one one one one, one one one one.';
export const CARD_NUMBER_DIGITS = '4111111111111111';

const agent = (text: string, options: { gapMs?: number; overlapMs?: number } = {}): Turn => ({ speaker: 'agent', text, ...options });
const customer = (text: string, options: { gapMs?: number; overlapMs?: number } = {}): Turn => ({ speaker: 'customer', text, ...options });
const silence = (seconds: number): Turn => ({ silenceMs: seconds * 1000 });

export const CALL_SET: ScriptedCall[] = [
  {
    id: 'complete-northwind',
    agentName: 'Priya Shah',
    agentVoice: 'slt',
    customerVoice: 'rms',
    turns: [
      agent('Hello, this is Northwind Bank, my name is Priya. This call may be recorded. How can I help you today?'),
      customer('Hi, I would like to check the balance of my savings account, please.'),
      agent('Of course. Please bear with me while I look. Your balance is two hundred dollars.'),
      customer('Great, that is all I needed.'),
      agent('Is there anything else I can help you with? Thank you for calling. Have a nice day.'),
    ],
    truth: {
      greeting_company: 'pass',
      greeting_agent_name: 'pass',
      greeting_offer_help: 'pass',
      polite_forms: 'pass',
      no_interrupting: 'pass',
      no_long_silence: 'pass',
      required_disclosure: 'pass',
      no_forbidden_phrases: 'pass',
      no_card_data_read_back: 'pass',
      closing_offer_help: 'pass',
      closing_thanks: 'pass',
    },
  },
  {
    id: 'complete-riverside',
    agentName: 'James Wilson',
    agentVoice: 'rms',
    customerVoice: 'slt',
    turns: [
      agent('Good morning, Riverside Energy, James speaking. This call is being recorded. How can I help you?'),
      customer('Hello, my last bill looks much too high.'),
      agent('Please bear with me while I check your meter readings. The reading was estimated, so I have corrected it.'),
      customer('Oh, thank you.'),
      agent('You are welcome. Is there anything else I can help you with? Have a nice day.'),
    ],
    truth: {
      greeting_company: 'pass',
      greeting_agent_name: 'pass',
      greeting_offer_help: 'pass',
      polite_forms: 'pass',
      no_interrupting: 'pass',
      no_long_silence: 'pass',
      required_disclosure: 'pass',
      no_forbidden_phrases: 'pass',
      no_card_data_read_back: 'pass',
      closing_offer_help: 'pass',
      closing_thanks: 'pass',
    },
  },
  {
    id: 'greeting-without-company',
    agentName: 'Tom Baker',
    agentVoice: 'awb',
    customerVoice: 'rms',
    turns: [
      agent('Hello, my name is Tom. How can I help you?'),
      customer('I want to change the address on my account.'),
      agent('Certainly. Please tell me the new address.'),
      customer('It is twelve Park Road.'),
      agent('Thank you, that is updated. Is there anything else I can help you with? Have a nice day.'),
    ],
    truth: {
      greeting_company: 'fail',
      greeting_agent_name: 'pass',
      greeting_offer_help: 'pass',
      polite_forms: 'pass',
      no_interrupting: 'pass',
      no_long_silence: 'pass',
      required_disclosure: 'fail',
      no_forbidden_phrases: 'pass',
      no_card_data_read_back: 'pass',
      closing_offer_help: 'pass',
      closing_thanks: 'pass',
    },
  },
  {
    id: 'greeting-without-agent-name',
    agentName: 'Daniel Brown',
    agentVoice: 'rms',
    customerVoice: 'awb',
    turns: [
      agent('Hello, this is Northwind Bank. How can I help you today?'),
      customer('I lost my debit card yesterday.'),
      agent('I have blocked the card, and a new one will arrive in five days. Please keep an eye on your post.'),
      customer('Okay, thanks.'),
      agent('You are welcome. Is there anything else I can do for you? Have a nice day.'),
    ],
    truth: {
      greeting_company: 'pass',
      greeting_agent_name: 'fail',
      greeting_offer_help: 'pass',
      polite_forms: 'pass',
      no_interrupting: 'pass',
      no_long_silence: 'pass',
      required_disclosure: 'fail',
      no_forbidden_phrases: 'pass',
      no_card_data_read_back: 'pass',
      closing_offer_help: 'pass',
      closing_thanks: 'pass',
    },
  },
  {
    id: 'no-greeting-no-closing',
    agentName: 'Sarah Miller',
    agentVoice: 'slt',
    customerVoice: 'awb',
    turns: [
      agent('Yes, what is it?'),
      customer('Hello, I am calling about the late payment fee on my bill.'),
      agent('The fee stays. You paid after the due date.'),
      customer('But I was in hospital that week.'),
      agent('Okay, I will remove it this time. Bye.'),
    ],
    truth: {
      greeting_company: 'fail',
      greeting_agent_name: 'fail',
      greeting_offer_help: 'fail',
      polite_forms: 'fail',
      no_interrupting: 'pass',
      no_long_silence: 'pass',
      required_disclosure: 'fail',
      no_forbidden_phrases: 'pass',
      no_card_data_read_back: 'pass',
      closing_offer_help: 'fail',
      closing_thanks: 'fail',
    },
  },
  {
    id: 'forbidden-calm-down',
    agentName: 'Linda Clark',
    agentVoice: 'slt',
    customerVoice: 'awb',
    turns: [
      agent('Hello, this is Riverside Energy, my name is Linda. How can I help you?'),
      customer('My power has been off for two days and nobody has called me back!'),
      agent('Calm down. That is not my problem, it is the network company.'),
      customer('So who do I call?'),
      agent('Call the network company, please. Is there anything else? Thank you for calling, goodbye.'),
    ],
    truth: {
      greeting_company: 'pass',
      greeting_agent_name: 'pass',
      greeting_offer_help: 'pass',
      polite_forms: 'pass',
      no_interrupting: 'pass',
      no_long_silence: 'pass',
      required_disclosure: 'fail',
      no_forbidden_phrases: 'fail',
      no_card_data_read_back: 'pass',
      closing_offer_help: 'pass',
      closing_thanks: 'pass',
    },
  },
  {
    id: 'forbidden-nothing-i-can-do',
    agentName: 'Priya Shah',
    agentVoice: 'rms',
    customerVoice: 'awb',
    turns: [
      agent('Good morning, Northwind Bank, Priya speaking. How can I help you?'),
      customer('My transfer to my daughter has not arrived after a week.'),
      agent('There is nothing I can do. Transfers take ten days.'),
      customer('You said five days when I called on Monday.'),
      agent('I told you already. It takes ten days. Goodbye.'),
    ],
    truth: {
      greeting_company: 'pass',
      greeting_agent_name: 'pass',
      greeting_offer_help: 'pass',
      polite_forms: 'fail',
      no_interrupting: 'pass',
      no_long_silence: 'pass',
      required_disclosure: 'fail',
      no_forbidden_phrases: 'fail',
      no_card_data_read_back: 'pass',
      closing_offer_help: 'fail',
      closing_thanks: 'fail',
    },
  },
  {
    id: 'forbidden-you-are-wrong',
    agentName: 'Emma Clark',
    agentVoice: 'awb',
    customerVoice: 'rms',
    turns: [
      agent('Hello, this is Riverside Energy, my name is Emma. This call may be recorded. How can I help you?'),
      customer('You charged me twice for the same month.'),
      agent('You are wrong. There is only one payment on your account.'),
      customer('I can see two payments on my bank statement.'),
      agent('Please send us the statement, thank you. Is there anything else? Have a nice day.'),
    ],
    truth: {
      greeting_company: 'pass',
      greeting_agent_name: 'pass',
      greeting_offer_help: 'pass',
      polite_forms: 'pass',
      no_interrupting: 'pass',
      no_long_silence: 'pass',
      required_disclosure: 'pass',
      no_forbidden_phrases: 'fail',
      no_card_data_read_back: 'pass',
      closing_offer_help: 'pass',
      closing_thanks: 'pass',
    },
  },
  {
    id: 'card-read-by-customer',
    agentName: 'Linda Clark',
    agentVoice: 'slt',
    customerVoice: 'rms',
    cardNumberSpoken: true,
    turns: [
      agent('Hello, this is Northwind Bank, my name is Linda. This call may be recorded. How can I help you?'),
      customer('I would like to pay my loan with my card.'),
      agent('Of course. Please read me the card number.'),
      customer(CARD_NUMBER_SPOKEN),
      agent('Thank you, the payment is done. Is there anything else I can help you with? Thank you for calling, goodbye.'),
    ],
    truth: {
      greeting_company: 'pass',
      greeting_agent_name: 'pass',
      greeting_offer_help: 'pass',
      polite_forms: 'pass',
      no_interrupting: 'pass',
      no_long_silence: 'pass',
      required_disclosure: 'pass',
      no_forbidden_phrases: 'pass',
      no_card_data_read_back: 'pass',
      closing_offer_help: 'pass',
      closing_thanks: 'pass',
    },
  },
  {
    id: 'card-read-back-by-agent',
    agentName: 'David Green',
    agentVoice: 'awb',
    customerVoice: 'rms',
    cardNumberSpoken: true,
    turns: [
      agent('Hello, this is Northwind Bank, my name is David. This call may be recorded. How can I help you?'),
      customer('I want to pay my credit card bill with another card.'),
      agent('Please read me the card number.'),
      customer(CARD_NUMBER_SPOKEN),
      agent('Let me read that back.'),
      agent(CARD_NUMBER_SPOKEN),
      agent('Thank you, the payment is done. Is there anything else? Have a nice day.'),
    ],
    truth: {
      greeting_company: 'pass',
      greeting_agent_name: 'pass',
      greeting_offer_help: 'pass',
      polite_forms: 'pass',
      no_interrupting: 'pass',
      no_long_silence: 'pass',
      required_disclosure: 'pass',
      no_forbidden_phrases: 'pass',
      no_card_data_read_back: 'fail',
      closing_offer_help: 'pass',
      closing_thanks: 'pass',
    },
  },
  {
    id: 'long-silence',
    agentName: 'Sarah Miller',
    agentVoice: 'slt',
    customerVoice: 'rms',
    turns: [
      agent('Hello, this is Riverside Energy, my name is Sarah. How can I help you?'),
      customer('When will the engineer visit my house?'),
      silence(35),
      agent('Thank you for waiting. The engineer will visit on Monday morning. Please be at home.'),
      customer('Good.'),
      agent('Is there anything else I can help you with? Thank you for calling, goodbye.'),
    ],
    truth: {
      greeting_company: 'pass',
      greeting_agent_name: 'pass',
      greeting_offer_help: 'pass',
      polite_forms: 'pass',
      no_interrupting: 'pass',
      no_long_silence: 'fail',
      required_disclosure: 'fail',
      no_forbidden_phrases: 'pass',
      no_card_data_read_back: 'pass',
      closing_offer_help: 'pass',
      closing_thanks: 'pass',
    },
  },
  {
    id: 'agent-talks-over-customer',
    agentName: 'James Wilson',
    agentVoice: 'rms',
    customerVoice: 'slt',
    turns: [
      agent('Hello, this is Riverside Energy, my name is James. How can I help you?'),
      customer('I am moving house next month, and I need to close my account and pay the final bill.'),
      agent('Right, so you are moving house.', { overlapMs: 2500 }),
      customer('Yes, and I also want to know what happens to the money left on my account.'),
      agent('The money is paid back to your bank.', { overlapMs: 2500 }),
      customer('And do you need a meter reading from me on the day that I move out?'),
      agent('Yes, please send us a meter reading.', { overlapMs: 2500 }),
      agent('I appreciate your patience. Is there anything else? Have a nice day.'),
    ],
    truth: {
      greeting_company: 'pass',
      greeting_agent_name: 'pass',
      greeting_offer_help: 'pass',
      polite_forms: 'pass',
      no_interrupting: 'fail',
      no_long_silence: 'pass',
      required_disclosure: 'fail',
      no_forbidden_phrases: 'pass',
      no_card_data_read_back: 'pass',
      closing_offer_help: 'pass',
      closing_thanks: 'pass',
    },
  },
  {
    id: 'voicemail-agent-only',
    agentName: 'Maria Lopez',
    agentVoice: 'awb',
    customerVoice: 'rms',
    turns: [
      agent('Hello, this is Northwind Bank, my name is Maria. This call may be recorded.'),
      agent('I am calling about your new card. Please call us back when you can. Thank you, and have a nice day.'),
    ],
    truth: {
      greeting_company: 'pass',
      greeting_agent_name: 'pass',
      greeting_offer_help: 'fail',
      polite_forms: 'pass',
      no_interrupting: 'na',
      no_long_silence: 'pass',
      required_disclosure: 'pass',
      no_forbidden_phrases: 'pass',
      no_card_data_read_back: 'pass',
      closing_offer_help: 'fail',
      closing_thanks: 'pass',
    },
  },
  {
    id: 'thank-you-for-calling-greeting',
    agentName: 'Daniel Brown',
    agentVoice: 'awb',
    customerVoice: 'slt',
    turns: [
      agent('Thank you for calling Northwind Bank, my name is Daniel. This call is being recorded. How may I help you?'),
      customer('I need a new pin for my card.'),
      agent('A new pin will be posted to you tomorrow. Please allow three days.'),
      customer('Thanks.'),
      agent('Is there anything else I can help you with? Have a nice day.'),
    ],
    truth: {
      greeting_company: 'pass',
      greeting_agent_name: 'pass',
      greeting_offer_help: 'pass',
      polite_forms: 'pass',
      no_interrupting: 'pass',
      no_long_silence: 'pass',
      required_disclosure: 'pass',
      no_forbidden_phrases: 'pass',
      no_card_data_read_back: 'pass',
      closing_offer_help: 'pass',
      closing_thanks: 'pass',
    },
  },
];
