import { ComplaintReport, complaintReportCsv, csvCell, rate } from './complaint-report';

describe('rate', () => {
  it('is a share to four decimals, and null of nothing', () => {
    expect(rate(1, 3)).toBe(0.3333);
    expect(rate(2, 3)).toBe(0.6667);
    expect(rate(0, 0)).toBeNull();
  });
});

describe('csvCell', () => {
  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+1', `"'+1"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['投诉', '投诉'],
  ])('writes %s as %s', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('writes numbers as they are, negative ones included, and null as empty', () => {
    expect(csvCell(-1.5)).toBe('-1.5');
    expect(csvCell(null)).toBe('');
  });
});

describe('complaintReportCsv', () => {
  const report: ComplaintReport = {
    from: '2026-11-01T00:00:00.000Z',
    to: '2026-12-01T00:00:00.000Z',
    total: 3,
    breached: 1,
    breachRate: 0.3333,
    resolved: 2,
    upheld: 1,
    partlyUpheld: 0,
    notUpheld: 1,
    upheldRate: 0.5,
    timeToFirstResponse: { count: 2, median: 45, p90: 81 },
    timeToResolution: { count: 0, median: null, p90: null },
    byCategory: [{ key: 'rudeness', labelEn: 'Rudeness', labelZh: '态度恶劣', count: 3 }],
    byTeam: [{ key: 't1', labelEn: '=cmd', labelZh: '=cmd', count: 3 }],
    byAgent: [],
    bySeverity: [{ key: 'high', labelEn: 'high', labelZh: '高', count: 3 }],
    repeatComplainants: { customers: 1, complaints: 2, top: [{ key: '•••••0123', labelEn: '•••••0123', labelZh: '•••••0123', count: 2 }] },
  };

  it('writes every figure as a row, with formulas defused', () => {
    const lines = complaintReportCsv(report).split('\r\n');
    expect(lines[0]).toBe('section,key,label_en,label_zh,value');
    expect(lines).toContain('summary,total,Complaints,投诉数,3');
    expect(lines).toContain('summary,timeToFirstResponse.p90,90th percentile minutes to first response,首次响应时间第90百分位（分钟）,81');
    expect(lines).toContain('summary,timeToResolution.median,Median minutes to resolution,解决时间中位数（分钟）,');
    expect(lines).toContain(`team,t1,"'=cmd","'=cmd",3`);
    expect(lines).toContain('repeatComplainant,•••••0123,•••••0123,•••••0123,2');
    // header, 14 summary figures, 3 group rows, 2 repeat totals, 1 repeat customer, and the empty string after the last line break
    expect(lines).toHaveLength(1 + 14 + 3 + 2 + 1 + 1);
  });
});
