/** The review side: the privacy officer's queue (art. 9.2), the Verantwoording export (AVG art. 5(2)), the catch. */
export * from './access';
export * from './csv';
export * from './export';
export * from './decide';
export * from './queue';
export * from './catch';
