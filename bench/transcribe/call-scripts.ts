import type { Speaker } from '@callgrade/transcript-model';

/** One turn of a synthetic call: who speaks, what, and the pause after it in seconds. */
export interface Turn {
  speaker: Exclude<Speaker, 'unknown'>;
  text: string;
  pauseAfter: number;
}

export interface CallScript {
  title: string;
  turns: Turn[];
}

/** The agent's voice (left channel); customers alternate between the two male voices (right channel). */
export const AGENT_VOICE = 'slt';
export const CUSTOMER_VOICES = ['awb', 'rms'] as const;

/** The names the platform passes as vocabulary: the company and the agent. */
export const VOCABULARY = ['Northwind', 'Priya'];

const agent = (text: string, pauseAfter = 0.6): Turn => ({ speaker: 'agent', text, pauseAfter });
const customer = (text: string, pauseAfter = 0.8): Turn => ({ speaker: 'customer', text, pauseAfter });

/**
 * Short inbound service calls, each about 50-60 seconds once spoken by flite with the pauses: an
 * opening with the company and agent name, a request, a resolution and a closing.
 */
export const CALL_SCRIPTS: readonly CallScript[] = [
  {
    title: 'late delivery',
    turns: [
      agent('Hello, thank you for calling Northwind, my name is Priya. This call may be recorded. How can I help you today?'),
      customer('Hi. My order was supposed to arrive last week, but nothing has come yet.', 1.1),
      agent('I am sorry to hear that. Could you give me the order number, please?'),
      customer('Yes, it is four five seven two nine one.', 0.5),
      agent('Thank you. I can see the parcel left our warehouse on Monday, and the courier tried to deliver it on Wednesday afternoon.', 0.9),
      customer('Nobody was at home then. I did not see any card at the door.'),
      agent('I can arrange a new delivery for Friday morning. Would that work for you?', 1.2),
      customer('Friday morning is fine. Thank you.'),
      agent('It is booked. Is there anything else I can help you with?', 0.7),
      customer('No, that is all.', 0.5),
      agent('Thank you for calling Northwind. Have a nice day.'),
    ],
  },
  {
    title: 'refund',
    turns: [
      agent('Good morning, Northwind, Priya speaking. This call may be recorded. How may I help you?'),
      customer('I returned a pair of boots two weeks ago and I still have not had my refund.', 1.0),
      agent('Let me look that up for you. Can you confirm the postcode on the account?'),
      customer('It is the same as before, the one ending in seven zero.', 0.6),
      agent('Thank you. The return arrived on the twelfth, and the refund was approved yesterday.', 0.8),
      customer('So when will I see the money?'),
      agent('The refund will appear on your statement within five working days. The confirmation was sent by email.', 1.1),
      customer('Great, I will keep an eye on it.'),
      agent('Is there anything else I can do for you?', 0.6),
      customer('No thanks, that was everything.', 0.5),
      agent('Thank you for choosing Northwind. Goodbye.'),
    ],
  },
  {
    title: 'broadband fault',
    turns: [
      agent('Hello, this is Northwind, my name is Priya. This call may be recorded. What can I do for you?'),
      customer('My internet connection keeps dropping every evening around eight o clock.', 1.2),
      agent('I am sorry about that. Have you checked the lights on the router?'),
      customer('Yes, the light turns red for a minute and then it comes back.', 0.7),
      agent('Please bear with me while I run a test on the line.', 2.0),
      agent('Our engineers found a fault on the line. They will fix it tomorrow between nine and noon.', 0.9),
      customer('Do I need to be at home for that?'),
      agent('No, the work is done at the street cabinet. You will get a text message when it is finished.', 1.0),
      customer('Perfect, thank you for your help.'),
      agent('You are welcome. Is there anything else I can help you with?', 0.6),
      customer('No, that is all for today.', 0.5),
      agent('Thank you for calling Northwind. Have a nice day.'),
    ],
  },
  {
    title: 'change of address',
    turns: [
      agent('Thank you for calling Northwind, my name is Priya. This call may be recorded. How can I help you?'),
      customer('Hello. I am moving house next month and I need to change my address.', 1.0),
      agent('Of course. Could you spell your surname for me, please?'),
      customer('It is Miller, with a double l, and an e r at the end.', 0.6),
      agent('Thank you, Mister Miller. What is the new address?'),
      customer('Twelve Station Road, Oxford, and the postcode is O X four, three B G.', 1.2),
      agent('I have updated it. The change will apply from the first of next month.', 0.8),
      customer('Will my next bill go to the new address?'),
      agent('Yes, the invoice for next month will be sent to the new address.', 0.9),
      customer('Brilliant, thanks.', 0.5),
      agent('Is there anything else I can help you with today?', 0.6),
      customer('No, that is it.', 0.5),
      agent('Thank you for calling Northwind. Have a nice day.'),
    ],
  },
];
