export * from './types.ts';
export * from './rules.ts';
export * from './holidays.ts';
export { STATE_TIME_ZONES, fromLocal, offsetMinutes, toLocal, type LocalDateTime } from './time-zones.ts';
export * from './deadline.ts';
export * from './workflow.ts';
export * from './registration.ts';
export * from './statistics.ts';
