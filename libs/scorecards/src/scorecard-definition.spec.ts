import { defaultScorecard } from '@callgrade/scoring';
import { canonicalJson, issuesToErrors, prepareScorecardDefinition } from './scorecard-definition';

const stamp = { scorecardId: 'card-1', version: 3, name: 'Billing' };

describe('prepareScorecardDefinition', () => {
  it('stamps the scorecard id and version and falls back to the name as title', () => {
    const { title: _title, ...input } = { ...defaultScorecard(), id: 'client-id', version: 99 };
    const prepared = prepareScorecardDefinition(input, stamp);
    expect(prepared).toMatchObject({ ok: true, definition: { id: 'card-1', version: 3, title: 'Billing' } });
  });

  it('names the path of each problem', () => {
    const card = defaultScorecard();
    card.sections[1].criteria[0].weight = 0;
    card.sections[2].criteria[0].id = card.sections[0].criteria[0].id;
    const prepared = prepareScorecardDefinition(card, stamp);
    expect(prepared.ok).toBe(false);
    const paths = prepared.ok ? [] : prepared.issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['sections[1].criteria[0].weight', 'sections[2].criteria[0].id']));
  });

  it('reports non-object sections and criteria instead of failing on them', () => {
    const prepared = prepareScorecardDefinition(
      { criticalFailurePolicy: 'zero_total', sections: [null, { id: 's', title: 'S', weight: 1, criteria: [7] }] },
      stamp,
    );
    expect(prepared.ok ? [] : prepared.issues.map((i) => i.path)).toEqual(['sections[0]', 'sections[1].criteria[0]']);
  });

  it('requires titles and boolean flags the scoring lib reads', () => {
    const card = defaultScorecard() as unknown as { sections: { title?: string; criteria: Record<string, unknown>[] }[] };
    delete card.sections[0].title;
    card.sections[0].criteria[0].critical = 'yes';
    const prepared = prepareScorecardDefinition(card, stamp);
    expect(prepared.ok ? [] : prepared.issues.map((i) => i.path)).toEqual(['sections[0].title', 'sections[0].criteria[0].critical']);
  });
});

describe('issuesToErrors', () => {
  it('prefixes paths and joins problems with the same path', () => {
    expect(
      issuesToErrors(
        [
          { path: 'a', message: 'x' },
          { path: 'a', message: 'y' },
          { path: '', message: 'z' },
        ],
        'definition',
      ),
    ).toEqual({ 'definition.a': 'x; y', definition: 'z' });
  });
});

describe('canonicalJson', () => {
  it('ignores key order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: null }] })).toBe(canonicalJson({ a: [{ c: null, d: 2 }], b: 1 }));
  });
});
