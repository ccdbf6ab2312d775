/** A company name as written, and the ways agents and recognisers say it ("Northwind", "North Wind"). */
export interface CompanyName {
  name: string;
  spokenVariants: string[];
}

/** A statement the call must contain, in any of its wordings (one per language, say). */
export interface RequiredDisclosure {
  id: string;
  phrases: string[];
  /** Must be said within this long from the start of the call; anywhere when absent. */
  withinMs?: number;
}

/** 'auto' picks English or Mandarin phrases per call from the script of the transcript. */
export type ScoringLanguage = 'auto' | 'en' | 'zh';

/**
 * A company's auto-scoring configuration. Phrases may be English or Mandarin; each call is checked
 * against the phrases in its own language. Templates take `{company}` and `{agent}` placeholders.
 */
export interface ScoringSettings {
  language: ScoringLanguage;
  companyNames: CompanyName[];
  greetingTemplates: string[];
  closingTemplates: string[];
  offerHelpPhrases: string[];
  closingOfferHelpPhrases: string[];
  thanksPhrases: string[];
  forbiddenPhrases: string[];
  requiredDisclosures: RequiredDisclosure[];
  politePhrases: string[];
  maxSilenceMs: number;
  /** The greeting (company, name, script) must come within this long of the agent's first word. */
  greetingWindowMs: number;
  /** The offer of help may come a little later, after identification. */
  offerHelpWindowMs: number;
  /** The closing checks look at this last stretch of the agent's speech. */
  closingWindowMs: number;
  maxInterruptions: number;
  /** Phrase match score (0..1) from which a phrase counts as said. */
  matchThreshold: number;
  /** Stricter threshold for forbidden phrases, as a false accusation costs more than a miss. */
  forbiddenThreshold: number;
}

/**
 * Common contact-centre practice, with English and Mandarin scripts; company names must be filled in.
 * Each list holds the accepted variants of one script element, editable in the settings; the seeded
 * ones are the common formal and informal wordings.
 */
export function defaultScoringSettings(): ScoringSettings {
  return {
    language: 'auto',
    companyNames: [],
    greetingTemplates: [
      'hello this is {company} my name is {agent}',
      'thank you for calling {company} my name is {agent}',
      'good morning {company} {agent} speaking',
      '您好，这里是{company}，我是{agent}',
      '您好，{company}客服{agent}为您服务',
    ],
    closingTemplates: [
      'thank you for calling {company} have a nice day',
      'thank you for choosing {company} goodbye',
      '感谢您致电{company}，祝您生活愉快',
      '感谢您的来电，再见',
    ],
    offerHelpPhrases: [
      'how can I help you',
      'how may I help you',
      'how can I assist you',
      'what can I do for you',
      'how can I help',
      'what can I help you with',
      'how may I assist you',
      '请问有什么可以帮您',
      '有什么可以帮到您',
      '请问您需要什么帮助',
      '请问您要办理什么业务',
    ],
    closingOfferHelpPhrases: [
      'is there anything else I can help you with',
      'anything else I can do for you',
      'is there anything else',
      'can I help with anything else',
      'anything else I can help you with',
      'is there something else you need',
      '请问还有其他可以帮您的吗',
      '还有什么需要帮助的吗',
      '还有其他问题吗',
      '还有别的需要吗',
    ],
    thanksPhrases: [
      'thank you for calling',
      'thanks for calling',
      'thank you for contacting us',
      'have a nice day',
      'have a good day',
      'have a great day',
      'take care',
      'thank you goodbye',
      'thank you bye',
      '感谢您的来电',
      '谢谢您的来电',
      '祝您生活愉快',
      '祝您愉快',
      '谢谢，再见',
    ],
    forbiddenPhrases: [
      'shut up',
      'that is not my problem',
      'not my job',
      'calm down',
      'you are wrong',
      'there is nothing I can do',
      'I told you already',
      '不关我的事',
      '你听不懂吗',
      '我已经说过了',
      '随便你',
    ],
    requiredDisclosures: [
      {
        id: 'call_recording',
        phrases: [
          'this call may be recorded',
          'this call is being recorded',
          'this call will be recorded',
          'calls may be recorded',
          'calls are recorded',
          '本次通话可能会被录音',
          '您的通话将被录音',
          '本次通话将被录音',
          '通话可能会被录音',
        ],
        withinMs: 60_000,
      },
    ],
    politePhrases: [
      'please',
      'thank you',
      'you are welcome',
      'my pleasure',
      'I appreciate',
      'sorry for the wait',
      'I apologise',
      'bear with me',
      'thanks',
      'sorry',
      'excuse me',
      'thank you for waiting',
      '请',
      '谢谢',
      '不客气',
      '抱歉',
      '不好意思',
      '麻烦您',
      '感谢',
      '对不起',
      '请稍等',
    ],
    maxSilenceMs: 30_000,
    greetingWindowMs: 15_000,
    offerHelpWindowMs: 30_000,
    closingWindowMs: 60_000,
    maxInterruptions: 2,
    matchThreshold: 0.8,
    forbiddenThreshold: 0.85,
  };
}

/** A setting a first run must fill in, said in English and Chinese. */
export interface SettingToConfigure {
  field: keyof ScoringSettings;
  message: string;
  messageZh: string;
}

/**
 * What must be filled in before every auto check can answer. Checks that depend on a missing
 * setting answer "not configured" (N/A) instead of failing every call.
 */
export function settingsToConfigure(settings: ScoringSettings): SettingToConfigure[] {
  const missing: SettingToConfigure[] = [];
  if (settings.companyNames.length === 0) {
    missing.push({
      field: 'companyNames',
      message: 'Set the company name(s) agents say in the greeting (and any short form); until then the greeting-company check answers "not configured".',
      messageZh: '请设置坐席在问候语中说的公司名称（及简称）；在此之前，“问候语包含公司名称”一项显示为“未配置”。',
    });
  }
  return missing;
}
