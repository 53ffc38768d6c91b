import type { ConsultationResolvers } from '../../../resolvers-types.generated.ts';
import { formatFee } from '../../../money.ts';

export const Consultation: ConsultationResolvers = {
  fee: (row) => (row.fee == null ? null : formatFee(row.fee)),
};
