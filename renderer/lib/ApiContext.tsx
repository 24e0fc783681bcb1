import { createContext, useContext } from 'react';

import type { NewsdeskApi } from '../../shared/contract/api';

/** The contract client for the whole React tree. */
export const ApiContext = createContext<NewsdeskApi | null>(null);

/** The contract client; components never reach for `window` themselves. */
export function useApi(): NewsdeskApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside ApiContext');
  return api;
}
