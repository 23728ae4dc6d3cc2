export * from './messages.ts';
export * from './status.ts';
export * from './checks.ts';
export * from './disclosure.ts';
export * from './request-order.ts';
