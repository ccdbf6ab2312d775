import { CompiledPhrase } from '../matching/compiled-phrase';
import { PhraseMatcher } from '../matching/phrase-matcher';
import { Pronounce } from '../matching/phones';
import { containsCjk, isCjkCode, Script } from '../matching/script';
import { ScoringSettings } from './scoring-settings';

/** The phrases of one language, compiled. */
export interface LanguagePhrases {
  companyNames: CompiledPhrase | undefined;
  offerHelp: CompiledPhrase | undefined;
  closingOfferHelp: CompiledPhrase | undefined;
  forbidden: CompiledPhrase[];
  polite: CompiledPhrase[];
  disclosures: { id: string; phrase: CompiledPhrase; withinMs?: number }[];
}

/** Phrases that depend on the agent's name. */
export interface AgentPhrases {
  agentName: CompiledPhrase | undefined;
  greetingScript: CompiledPhrase | undefined;
  closingThanks: CompiledPhrase | undefined;
}

const MAX_VARIANTS = 64;
const MAX_CACHED_AGENTS = 5_000;

/** Phrases of the given script, or all of them when the settings have none in that script. */
function inScript(phrases: readonly string[], script: Script): string[] {
  const picked = phrases.filter((p) => containsCjk(p.replace(/\{(company|agent)\}/g, '')) === (script === 'cjk'));
  return picked.length > 0 ? picked : [...phrases];
}

/** Ways an agent says their own name: "Anna Smith" → Anna Smith, Anna; 王小明 → 王小明, 小明, 小王. */
export function agentNameVariants(agentName: string): string[] {
  const name = agentName.trim();
  if (!name) return [];
  const variants = new Set([name]);
  const chars = [...name];
  if (chars.every((ch) => isCjkCode(ch.charCodeAt(0)))) {
    if (chars.length >= 2 && chars.length <= 4) {
      variants.add(chars.slice(1).join(''));
      variants.add(`小${chars[0]}`);
    }
  } else {
    const first = name.split(/\s+/)[0];
    if (first) variants.add(first);
  }
  return [...variants];
}

/** Words that say what kind of company it is rather than which: "Brightwell Energy" is called "Brightwell". */
const GENERIC_COMPANY_WORDS = new Set(
  (
    'bank banking energy power gas water insurance assurance health healthcare care mobile telecom telecoms communications ' +
    'group holdings company co corp corporation inc ltd limited plc llc services service solutions travel airlines airways ' +
    'financial finance credit union building society retail stores shop online direct international uk us usa'
  ).split(' '),
);
const GENERIC_COMPANY_SUFFIXES = ['有限责任公司', '股份有限公司', '有限公司', '集团', '公司', '银行', '保险', '客服中心', '客服'];

/**
 * The name a company goes by in speech: without the words that only say its trade ("Brightwell
 * Energy" → Brightwell, "北风银行" → 北风). Undefined when nothing distinctive would be left.
 */
export function companyShortForm(name: string): string | undefined {
  const trimmed = name.trim();
  if (containsCjk(trimmed)) {
    const suffix = GENERIC_COMPANY_SUFFIXES.find((s) => trimmed.endsWith(s) && trimmed.length - s.length >= 2);
    return suffix ? trimmed.slice(0, -suffix.length) : undefined;
  }
  const words = trimmed.split(/\s+/);
  let end = words.length;
  while (end > 0 && GENERIC_COMPANY_WORDS.has(words[end - 1].toLowerCase().replace(/[^a-z]/g, ''))) end--;
  if (end === 0 || end === words.length) return undefined;
  return words.slice(0, end).join(' ');
}

/** Templates with every combination of placeholder values; a missing agent name drops the placeholder. */
export function fillTemplates(templates: readonly string[], companies: readonly string[], agents: readonly string[]): string[] {
  const out = new Set<string>();
  for (const template of templates) {
    const companyValues = template.includes('{company}') ? companies : [''];
    const agentValues = template.includes('{agent}') ? (agents.length > 0 ? agents : ['']) : [''];
    for (const company of companyValues.length > 0 ? companyValues : ['']) {
      for (const agent of agentValues) {
        if (out.size >= MAX_VARIANTS) return [...out];
        const filled = template.replace(/\{company\}/g, company).replace(/\{agent\}/g, agent);
        out.add(
          filled
            .replace(/\s+([,.!?，。])/g, '$1')
            .replace(/\s+/g, ' ')
            .trim(),
        );
      }
    }
  }
  return [...out];
}

/**
 * A company's settings compiled once: every phrase list per language, plus the agent-specific
 * greeting and closing scripts compiled on first use for each agent.
 */
export interface ScoringProfileOptions {
  /** Pronunciations, so company and agent names heard as words that sound alike still match. */
  pronounce?: Pronounce;
}

export class ScoringProfile {
  readonly matcher: PhraseMatcher;
  private readonly byScript = new Map<Script, LanguagePhrases>();
  private readonly byAgent = new Map<string, AgentPhrases>();
  private readonly companyVariants: string[];

  constructor(
    readonly settings: ScoringSettings,
    options: ScoringProfileOptions = {},
  ) {
    this.matcher = new PhraseMatcher({ pronounce: options.pronounce });
    this.companyVariants = [
      ...new Set(settings.companyNames.flatMap((c) => [c.name, ...c.spokenVariants, companyShortForm(c.name)].filter((n): n is string => Boolean(n)))),
    ];
    for (const script of ['latin', 'cjk'] as const) this.byScript.set(script, this.compileLanguage(script));
  }

  phrases(script: Script): LanguagePhrases {
    return this.byScript.get(script)!;
  }

  agentPhrases(script: Script, agentName: string | undefined): AgentPhrases {
    const key = `${script}|${agentName ?? ''}`;
    let phrases = this.byAgent.get(key);
    if (!phrases) {
      if (this.byAgent.size >= MAX_CACHED_AGENTS) this.byAgent.clear();
      phrases = this.compileAgent(script, agentName);
      this.byAgent.set(key, phrases);
    }
    return phrases;
  }

  private compile(texts: readonly string[], threshold = this.settings.matchThreshold, bySound = false): CompiledPhrase | undefined {
    const phrase = this.matcher.compile(texts, { threshold, bySound });
    return phrase.variants.length > 0 ? phrase : undefined;
  }

  private compileLanguage(script: Script): LanguagePhrases {
    const s = this.settings;
    const list = (texts: readonly string[], threshold?: number): CompiledPhrase[] => inScript(texts, script).flatMap((t) => this.compile([t], threshold) ?? []);
    return {
      companyNames: this.companyVariants.length > 0 ? this.compile(this.companyVariants, undefined, true) : undefined,
      offerHelp: this.compile(inScript(s.offerHelpPhrases, script)),
      closingOfferHelp: this.compile(inScript(s.closingOfferHelpPhrases, script)),
      forbidden: list(s.forbiddenPhrases, s.forbiddenThreshold),
      polite: list(s.politePhrases),
      disclosures: s.requiredDisclosures.flatMap((d) => {
        const phrase = this.compile(inScript(d.phrases, script));
        return phrase ? [{ id: d.id, phrase, withinMs: d.withinMs }] : [];
      }),
    };
  }

  private compileAgent(script: Script, agentName: string | undefined): AgentPhrases {
    const s = this.settings;
    const agents = agentName ? agentNameVariants(agentName) : [];
    const closings = [...inScript(s.thanksPhrases, script), ...fillTemplates(inScript(s.closingTemplates, script), this.companyVariants, agents)];
    return {
      agentName: agents.length > 0 ? this.compile(agents, undefined, true) : undefined,
      greetingScript: this.compile(fillTemplates(inScript(s.greetingTemplates, script), this.companyVariants, agents)),
      closingThanks: this.compile(closings),
    };
  }
}
