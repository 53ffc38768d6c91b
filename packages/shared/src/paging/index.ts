// One paging module for every connection field of the graph: the cursor format, the
// first/after validation, the connection, the keyset conditions and the batched pages.
export * from './cursor.ts';
export * from './pageArgs.ts';
export * from './connection.ts';
export * from './keyset.ts';
export * from './batchedPages.ts';
export * from './pageLoader.ts';
