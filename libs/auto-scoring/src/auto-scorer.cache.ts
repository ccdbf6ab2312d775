import { AutoScorer, Pronounce, Scorecard, ScoringSettings } from '@callgrade/scoring';

const MAX_ENTRIES = 16;

/**
 * Compiling a scorecard and settings into an AutoScorer (phrase keys, caches) is the costly part of
 * scoring, so one is kept per (scorecard version, settings version).
 */
export class AutoScorerCache {
  private readonly scorers = new Map<string, AutoScorer>();

  /** `pronounce`: the recogniser's pronunciations, so names heard as look-alike words still match. */
  constructor(private readonly pronounce?: Pronounce) {}

  get(scorecardVersionId: string, definition: object, settingsVersionId: string, settings: object): AutoScorer {
    const key = `${scorecardVersionId}/${settingsVersionId}`;
    let scorer = this.scorers.get(key);
    if (!scorer) {
      scorer = new AutoScorer(definition as Scorecard, settings as ScoringSettings, { pronounce: this.pronounce });
      if (this.scorers.size >= MAX_ENTRIES) this.scorers.delete(this.scorers.keys().next().value as string);
      this.scorers.set(key, scorer);
    }
    return scorer;
  }
}
