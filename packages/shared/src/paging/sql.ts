import { createRequire } from 'node:module';
import type * as RuntimeUtils from '@prisma/client-runtime-utils';

/**
 * Prisma's SQL template tag, from the very module instance the generated clients use. Under
 * Node their runtime (@prisma/client/runtime/client) is CommonJS and requires the CommonJS
 * build of @prisma/client-runtime-utils, while an ESM `import` would load its .mjs build: a
 * second Sql class, whose fragments (a client's Prisma.raw, say) the tag would then splice in
 * as parameter values. Requiring it keeps one class without loading the whole client runtime
 * (half a second at start) into every service that imports this package.
 */
const utils = createRequire(import.meta.url)('@prisma/client-runtime-utils') as typeof RuntimeUtils;

export const { sql, raw, empty } = utils;
export type Sql = RuntimeUtils.Sql;
