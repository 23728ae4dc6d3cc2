// One canonical form for the whole bank: the audit chain's hashes and federation's signatures.
export { canonicalJson } from '@svod/core';
