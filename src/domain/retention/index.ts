/** Public surface of retention (bewaartermijnen). */
export { keepUntil, mayDestroy, retentionMonths, describeRetention } from './keepUntil';
