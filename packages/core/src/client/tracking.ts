import { quote } from '../config/messages.js';
import { featureOf } from '../config/normalize.js';
import type { ConfigInput } from '../config/schema.js';
import { isRecord } from '../utils/isRecord.js';
import { isScalar } from '../utils/isScalar.js';
import type { ClientContext } from './context.js';
import type { UpgradeKit } from './types.js';
import { applySignal, applyTrack } from './usage.js';

/** `track`, `recordGateHit` and `recordEvent`: what the customer did, counted here, in other tabs and in the events. */
export function trackingMethods<C extends ConfigInput>(ctx: ClientContext): Pick<UpgradeKit<C>, 'track' | 'recordGateHit' | 'recordEvent'> {
  // The config (and its signal windows) can be swapped by a remote config: read at call time.
  const { platform, store, warn, emit, changed } = ctx;
  const signal = (key: string) => {
    const at = platform.now();
    applySignal(store, ctx.windows, key, at);
    changed(key);
    ctx.tabs.post({ op: 'signal', key, at });
  };
  return {
    track(featureId, amount = 1) {
      const type = featureOf(ctx.config, featureId)?.type;
      if (!type || type === 'boolean' || !Number.isFinite(amount)) {
        if (process.env.NODE_ENV !== 'production') {
          const why = !type ? 'unknown feature' : type === 'boolean' ? 'boolean features have no usage' : 'the amount must be a finite number';
          warn(`track(${quote(featureId)}, ${quote(amount)}) ignored: ${why}`);
        }
        return;
      }
      const at = platform.now();
      const usage = applyTrack(store, ctx.config, featureId, amount, at);
      changed(`usage:${featureId}`);
      emit({ type: 'usage.tracked', feature: featureId, amount, usage });
      ctx.tabs.post({ op: 'track', feature: featureId, amount, at });
    },
    recordGateHit(featureId) {
      if (!featureOf(ctx.config, featureId)) {
        if (process.env.NODE_ENV !== 'production') warn(`recordGateHit(${quote(featureId)}) ignored: unknown feature`);
        return;
      }
      signal(`gate:${featureId}`);
      emit({ type: 'gate.hit', feature: featureId });
    },
    recordEvent(name, props) {
      if (typeof name !== 'string' || !name) {
        if (process.env.NODE_ENV !== 'production') warn(`recordEvent(${quote(name)}) ignored: the name must be a non-empty string`);
        return;
      }
      signal(`event:${name}`);
      const valid = props === undefined || (isRecord(props) && Object.values(props).every(isScalar));
      if (!valid && process.env.NODE_ENV !== 'production') warn(`recordEvent("${name}"): props must be flat JSON scalars; counted, sent without them`);
      emit({ type: 'event.recorded', name, ...(valid && props && { props }) });
    },
  };
}
