import type { EmulatorHandler } from '../types';

/** Microsoft Graph subset of the emulator (being written: until then every Graph path falls through to 501). */
export const graphHandler: EmulatorHandler = async () => null;
