export * from './messages.ts';
export * from './status.ts';
