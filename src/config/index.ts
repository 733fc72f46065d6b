/** The configuration's change trail for the accounthouders (art. 13.3). */
export {
  acknowledgeConfig,
  configChangeFor,
  describeChange,
  type ConfigChangeDeps,
  type ConfigChangeNotice,
} from './changes';
