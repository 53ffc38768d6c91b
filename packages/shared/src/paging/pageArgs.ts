import type { GraphQLResolveInfo } from 'graphql';
import { badInput } from '../errors.ts';
import { selectsField } from '../selection.ts';
import { decodeCursor, type CursorPosition } from './cursor.ts';

/** Largest page a connection field serves. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** The arguments every connection field takes. */
export interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
}

/** A validated page request: what a connection field's resolver passes on. */
export interface PageRequest {
  /** 0 to MAX_PAGE_SIZE. */
  first: number;
  /** Rows strictly after this position; absent on the first page. */
  after?: CursorPosition;
  /** Whether `totalCount` is selected: counting is skipped when nobody asked for it. */
  withCount: boolean;
}

/**
 * Validates `first` (0 to 100, default 20) and decodes `after`, else BAD_USER_INPUT with the
 * argument's name as `field`. With the resolver's `info`, `withCount` says whether the field
 * selects `totalCount`; without it a count is assumed wanted.
 */
export function pageArgs(args: ConnectionArgs, info?: GraphQLResolveInfo): PageRequest {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badInput(`first must be between 0 and ${MAX_PAGE_SIZE}`, 'first');
  }
  return {
    first,
    ...(args.after ? { after: decodeCursor(args.after) } : {}),
    withCount: info ? selectsField(info, 'totalCount') : true,
  };
}
