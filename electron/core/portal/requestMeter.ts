/** Counts portal requests and the time at least one was in flight (the benchmark's figures). */
export interface RequestMeter {
  /** Marks a request as started; call the returned function when its answer is read. */
  begin(): () => void;
}

/** A meter with its readings: requests sent, and wall time with a request outstanding. */
export interface RequestMeterReadings extends RequestMeter {
  readonly requests: number;
  /** Milliseconds during which at least one request was waiting on the server. */
  busyMs(): number;
}

/** Creates a meter; `clock` is injectable for tests. */
export function createRequestMeter(
  clock: () => number = () => performance.now(),
): RequestMeterReadings {
  let requests = 0;
  let inFlight = 0;
  let busySince = 0;
  let busy = 0;
  return {
    get requests() {
      return requests;
    },
    busyMs() {
      return busy + (inFlight > 0 ? clock() - busySince : 0);
    },
    begin() {
      requests += 1;
      if (inFlight === 0) busySince = clock();
      inFlight += 1;
      let ended = false;
      return () => {
        if (ended) return;
        ended = true;
        inFlight -= 1;
        if (inFlight === 0) busy += clock() - busySince;
      };
    },
  };
}
