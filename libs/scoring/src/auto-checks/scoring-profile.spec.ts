import { agentNameVariants, fillTemplates } from './scoring-profile';

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
