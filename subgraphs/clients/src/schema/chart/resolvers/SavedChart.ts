import type { SavedChartResolvers } from '../../../resolvers-types.generated.ts';

export const SavedChart: SavedChartResolvers = {
  chartData: (row) =>
    typeof row.chartData === 'object' && row.chartData !== null && !Array.isArray(row.chartData)
      ? row.chartData
      : {},
};
