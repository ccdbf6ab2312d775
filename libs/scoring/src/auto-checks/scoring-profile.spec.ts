import { agentNameVariants, companyShortForm, fillTemplates } from './scoring-profile';

describe('companyShortForm', () => {
  it('drops the words that only say the trade', () => {
    expect(companyShortForm('Brightwell Energy')).toBe('Brightwell');
    expect(companyShortForm('Kestrel Mobile Ltd')).toBe('Kestrel');
    expect(companyShortForm('北风银行')).toBe('北风');
  });

  it('gives nothing when no distinctive word would be left or none can be dropped', () => {
    expect(companyShortForm('Energy Group')).toBeUndefined();
    expect(companyShortForm('Bank of America')).toBeUndefined();
    expect(companyShortForm('Northwind')).toBeUndefined();
  });
});

describe('agentNameVariants', () => {
  it('offers the first name of a Latin full name', () => {
    expect(agentNameVariants('Anna Smith')).toEqual(['Anna Smith', 'Anna']);
  });

  it('offers the given name and the familiar 小 + surname of a Chinese name', () => {
    expect(agentNameVariants('王小明')).toEqual(['王小明', '小明', '小王']);
  });

  it('offers nothing for a blank name', () => {
    expect(agentNameVariants('  ')).toEqual([]);
  });
});

describe('fillTemplates', () => {
  it('fills every combination of company and agent', () => {
    expect(fillTemplates(['hello this is {company}, {agent} speaking'], ['Northwind', 'North Wind'], ['Anna'])).toEqual([
      'hello this is Northwind, Anna speaking',
      'hello this is North Wind, Anna speaking',
    ]);
  });

  it('drops a placeholder with no value', () => {
    expect(fillTemplates(['您好，这里是{company}，我是{agent}'], ['北京银行'], [])).toEqual(['您好，这里是北京银行，我是']);
  });
});
