export { barChart } from './bar-chart';
export type { Bar, BarChartOptions } from './bar-chart';
export { intervalChart } from './interval-chart';
export type { IntervalChartOptions, IntervalRow } from './interval-chart';
export { escapeXml } from './svg';
export { lineChart } from './line-chart';
export type { LineChartOptions, LineSeries } from './line-chart';
