/** The agreements register (overeenkomstenregister): record model, status machine and rules (art. 5, 11–14). */
export * from './types';
export * from './dates';
export * from './validate';
export * from './status';
export * from './owners';
export * from './trace';
