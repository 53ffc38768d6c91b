import { badInput } from '@grahvani/shared';
import type { MutationResolvers } from '../../../../resolvers-types.generated.ts';
import type { Prisma } from '../../../../generated/prisma/client.ts';
import { logActivity } from '../../../../activityLog.ts';
import { inViewerTenant, liveClient } from '../../../../tenant.ts';

const CHART_TYPE = /^[A-Za-z0-9_-]{1,64}$/;
/** Largest chartData accepted, as JSON text. */
export const MAX_CHART_BYTES = 256 * 1024;

export const saveChart: NonNullable<MutationResolvers['saveChart']> = (_parent, { input }, ctx) =>
  inViewerTenant(ctx, async (tx, tenantId) => {
    const chartType = input.chartType.trim().toUpperCase();
    if (!CHART_TYPE.test(chartType)) {
      throw badInput('chartType must be a short identifier such as D1, D9 or TRANSIT', 'chartType');
    }
    const { chartData } = input;
    if (typeof chartData !== 'object' || chartData === null || Array.isArray(chartData)) {
      throw badInput('chartData must be a JSON object', 'chartData');
    }
    if (Buffer.byteLength(JSON.stringify(chartData)) > MAX_CHART_BYTES) {
      throw badInput('chartData must be at most 256 KB', 'chartData');
    }
    await liveClient(tx, tenantId, input.clientId);
    const row = await tx.clientSavedChart.create({
      data: {
        tenantId,
        clientId: input.clientId,
        chartType,
        chartData: chartData as Prisma.InputJsonObject,
      },
    });
    await logActivity(tx, tenantId, input.clientId, 'chart.saved', {
      chartId: row.id,
      chartType,
    });
    return row;
  });
