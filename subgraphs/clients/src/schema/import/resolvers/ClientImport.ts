import type { ClientImportResolvers } from '../../../resolvers-types.generated.ts';
import { importErrors } from '../../../imports/process.ts';

export const ClientImport: ClientImportResolvers = {
  errors: (row) => importErrors(row.errors),
};
