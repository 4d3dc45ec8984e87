// The HTTP client of the ingest benchmark, in a worker thread of its own, so the
// requests' cost is not counted against the server's event loop (browsers send from
// elsewhere). Posts the bodies it is given, `inFlight` at a time, and reports events/s.
import { parentPort, workerData } from 'node:worker_threads';

const { url, key, bodies, inFlight } = workerData;
let next = 0;
let events = 0;
const start = performance.now();
await Promise.all(
  Array.from({ length: inFlight }, async () => {
    while (next < bodies.length) {
      const { count, payload } = bodies[next++];
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-upgradekit-key': key }, body: payload });
      if (response.status !== 200) throw new Error(`ingest answered ${response.status}: ${await response.text()}`);
      await response.arrayBuffer();
      events += count;
    }
  }),
);
parentPort.postMessage(events / ((performance.now() - start) / 1000));
